using Evacuation.Core.Operators;
using Evacuation.Host.Auditing;
using Evacuation.Host.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Operators;

/// <summary>
/// Writes the configured keys into the keys table (<see cref="ConfiguredKeys.Plan"/>) before the first request. When
/// no key is left, makes one Admin key, stores only its hash, and writes the key to <c>Operators:FirstKeyFile</c>,
/// readable only by the service's user; the console shows the file's path, never the key, and no log has it.
/// </summary>
public static class KeysAtStart
{
    public const string ConfigurationActor = "configuration";
    public const string FirstStartActor = "first start";

    public static async Task LoadKeysAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var options = app.Services.GetRequiredService<IOptions<OperatorsOptions>>().Value;
        var time = app.Services.GetRequiredService<TimeProvider>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(KeysAtStart));
        var configured = options.ApiKeys.Select((k, i) => new ConfiguredKey(i, k.Name, k.Role, OperatorKey.StoredHashOf(k.Key))).ToList();
        var file = Path.GetFullPath(options.FirstKeyFile);

        var warnings = await app.Services.GetRequiredService<KeyChanges>().RunAsync(async db =>
        {
            var stored = await db.ApiKeys.ToListAsync(cancellationToken);
            var plan = ConfiguredKeys.Plan(configured, stored);
            if (plan.Refusal is not null)
            {
                throw new ConfigurationProblemException(plan.Refusal);
            }
            Apply(db, plan, time.GetUtcNow().UtcDateTime);
            if (plan.NeedsFirstKey)
            {
                var secret = OperatorKey.Generate();
                db.ApiKeys.Add(FirstKey(secret, time.GetUtcNow().UtcDateTime));
                // Written before the row commits: a key nobody can read must never become the only way in.
                FirstKeyFile.Write(file, secret);
            }
            return (plan.Warnings, plan.NeedsFirstKey);
        }, cancellationToken);

        foreach (var warning in warnings.Warnings)
        {
            logger.LogWarning("{Warning}", warning);
        }
        if (warnings.NeedsFirstKey)
        {
            Console.Out.WriteLine();
            Console.Out.WriteLine("  No operator keys were configured, so an Admin key was created. It is in this file, readable only by this user:");
            Console.Out.WriteLine($"      {file}");
            Console.Out.WriteLine("  Sign in with it (dashboard, or 'Authorization: Bearer <key>'), create your own keys with 'evac keys create',");
            Console.Out.WriteLine("  then revoke this one and delete the file. Configuring an Admin key in Operators:ApiKeys revokes it too.");
            Console.Out.WriteLine();
        }
    }

    static void Apply(Data.EvacuationDb db, KeyPlan plan, DateTime now)
    {
        foreach (var key in plan.Insert)
        {
            db.ApiKeys.Add(new StoredApiKey
            {
                Name = key.Name,
                Role = key.Role,
                KeyHash = key.Hash,
                Source = KeySource.Configured,
                CreatedAt = now,
                CreatedBy = ConfigurationActor,
            });
        }
        foreach (var (row, key) in plan.Update)
        {
            row.Name = key.Name;
            row.Role = key.Role;
            row.Source = KeySource.Configured;
        }
        foreach (var row in plan.Revoke)
        {
            row.RevokedAt = now;
            db.Record(now, ConfigurationActor, "keys.revoke", row.Id.ToString(),
                row.Source == KeySource.FirstStart ? $"{row.Name}: an Admin key is configured" : $"{row.Name}: no longer in Operators:ApiKeys");
        }
    }

    static StoredApiKey FirstKey(string secret, DateTime now) => new()
    {
        Name = "first-admin",
        Role = OperatorRole.Admin,
        KeyHash = OperatorKey.StoredHashOf(secret),
        Source = KeySource.FirstStart,
        CreatedAt = now,
        CreatedBy = FirstStartActor,
    };
}
