using Evacuation.Core.Operators;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Operators;

/// <summary>
/// Fills the keyring at start. With no keys configured and none stored, creates one Admin key, stores only its
/// hash, and prints the key once on the console (never through the logger) so a newcomer can sign in.
/// </summary>
public static class FirstAdminKey
{
    public static async Task LoadKeysAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var keyring = app.Services.GetRequiredService<OperatorKeyring>();
        var options = app.Services.GetRequiredService<IOptions<OperatorsOptions>>().Value;
        foreach (var key in options.ApiKeys)
        {
            keyring.Add(new OperatorKey(key.Name, key.Role, OperatorKey.HashOf(key.Key)));
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvacuationDb>();
        var stored = await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var key in stored)
        {
            keyring.Add(new OperatorKey(key.Name, key.Role, Convert.FromHexString(key.KeyHash)));
        }

        if (keyring.Count > 0)
        {
            return;
        }
        var secret = OperatorKey.Generate();
        var first = new StoredApiKey
        {
            Name = "first-admin",
            Role = OperatorRole.Admin,
            KeyHash = Convert.ToHexString(OperatorKey.HashOf(secret)),
            CreatedAt = DateTime.UtcNow,
        };
        db.ApiKeys.Add(first);
        await db.SaveChangesAsync(cancellationToken);
        keyring.Add(new OperatorKey(first.Name, first.Role, OperatorKey.HashOf(secret)));

        Console.Out.WriteLine();
        Console.Out.WriteLine("  No operator keys were configured, so an Admin key was created. It is shown only this once:");
        Console.Out.WriteLine($"      {secret}");
        Console.Out.WriteLine("  Keep it safe. Paste it into the dashboard (its address is logged below), give it to 'evac login', or send it as");
        Console.Out.WriteLine("  'Authorization: Bearer <key>'. Configure Operators:ApiKeys to use your own keys.");
        Console.Out.WriteLine();
    }
}
