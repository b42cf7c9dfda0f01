using Evacuation.Core.Citizens;
using Evacuation.Data;
using Evacuation.Host.Replies;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Host.Tests;

/// <summary>Putting data straight into a test's service, reading it back, and acting on stored replies now.</summary>
public static class AppData
{
    /// <summary>Stores citizens straight in the database; n-th gets chat id 1000+n when <paramref name="telegram"/> and phone when <paramref name="sms"/>.</summary>
    public static async Task<List<Citizen>> AddCitizensAsync(this EvacuationApp app, int count, bool telegram = true, bool sms = true, int from = 0, Action<Citizen, int>? shape = null)
    {
        var citizens = Enumerable.Range(from, count).Select(n =>
        {
            var citizen = new Citizen
            {
                Name = $"Citizen {n}",
                Phone = sms ? Some.Phone(n) : null,
                TelegramChatId = telegram ? 1000 + n : null,
                Language = Language.All[n % 4],
                Region = "Lviv",
                CreatedAt = app.Time.GetUtcNow().UtcDateTime,
                UpdatedAt = app.Time.GetUtcNow().UtcDateTime,
            };
            shape?.Invoke(citizen, n);
            return citizen;
        }).ToList();
        await using var db = app.Database.Open();
        db.Citizens.AddRange(citizens);
        await db.SaveChangesAsync();
        return citizens;
    }

    public static async Task<T> WithDbAsync<T>(this EvacuationApp app, Func<EvacuationDb, Task<T>> read)
    {
        await using var db = app.Database.Open();
        return await read(db);
    }

    /// <summary>Interprets every stored reply now, as the service's reply worker would at its next turn.</summary>
    public static Task<int> InterpretRepliesAsync(this EvacuationApp app) =>
        app.Services.GetRequiredService<ReplyInterpreter>().InterpretPendingAsync(TestContext.Current.CancellationToken);
}
