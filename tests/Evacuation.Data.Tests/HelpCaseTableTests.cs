using Evacuation.Core.Cases;
using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Data.Tests;

/// <summary>The database itself keeps one unresolved help case per person, whatever the code above it does.</summary>
public sealed class HelpCaseTableTests
{
    static readonly DateTime Now = new(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);

    static HelpCase Case(Guid? citizenId, CaseState state, string? sender = null) => new()
    {
        CitizenId = citizenId, Sender = sender, Channel = ChannelKind.Sms, State = state,
        StateSince = Now, OpenedAt = Now, LastRequestAt = Now, UpdatedAt = Now, Requests = 1,
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_citizen_cannot_have_two_unresolved_cases_but_may_have_resolved_ones_besides(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var citizen = Guid.NewGuid();
        await using (var db = await database.OpenMigratedAsync())
        {
            db.HelpCases.AddRange(Case(citizen, CaseState.Resolved), Case(citizen, CaseState.Resolved), Case(citizen, CaseState.Open));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await using (var db = database.Open())
        {
            db.HelpCases.Add(Case(citizen, CaseState.Assigned));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_stranger_cannot_have_two_unresolved_cases_under_one_address(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = await database.OpenMigratedAsync())
        {
            db.HelpCases.AddRange(Case(null, CaseState.Open, "+380501234567"), Case(null, CaseState.Open, "+380501234568"));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await using (var db = database.Open())
        {
            db.HelpCases.Add(Case(null, CaseState.Open, "+380501234567"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_upgrade_opens_a_case_for_everyone_who_had_already_asked_for_help(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith("_I18HelpCasesAndApprovals", StringComparison.Ordinal)) - 1];
        await db.Database.MigrateAsync(before, TestContext.Current.CancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO citizens ("Id", "Name", "Phone", "Language", "HouseholdSize", "Status", "OptedOut", "TelegramUnreachable", "SmsUnreachable",
                                  "RemindersSent", "CreatedAt", "CreatedBy", "UpdatedAt", "EscalatedAt")
            VALUES ({0}, 'Olena', '+380501234567', 'uk', 1, 'NeedsHelp', FALSE, FALSE, FALSE, 0, {1}, 'import', {1}, {1}),
                   ({2}, 'Taras', '+380501234568', 'uk', 1, 'Departed', FALSE, FALSE, FALSE, 0, {1}, 'import', {1}, NULL)
            """,
            [Guid.NewGuid(), Now, Guid.NewGuid()], TestContext.Current.CancellationToken);

        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

        var helpCase = await db.HelpCases.Include(c => c.Notes).SingleAsync(TestContext.Current.CancellationToken);
        var olena = await db.Citizens.SingleAsync(c => c.Name == "Olena", TestContext.Current.CancellationToken);
        Assert.Equal(olena.Id, helpCase.CitizenId);
        Assert.Equal(CaseState.Open, helpCase.State);
        Assert.Equal(Now, helpCase.OpenedAt);
        Assert.Equal(CaseNoteKind.Opened, Assert.Single(helpCase.Notes).Kind);
    }
}
