using System.Net.Http.Json;
using System.Text.Json;
using Evacuation.Core.Cases;
using Evacuation.Host.Tests.Broadcasts;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Tests.Cases;

/// <summary>Test steps for help cases.</summary>
public static class CaseSteps
{
    /// <summary>A reply from the citizen through the sandbox endpoint: the same pipeline as a provider's webhook.</summary>
    public static async Task<JsonElement> ReplyAsync(this EvacuationApp app, Guid citizenId, string text, string channel = "Sms")
    {
        var response = await app.Operator().PostAsJsonAsync("/api/sandbox/replies", new { citizenId, channel, text });
        response.EnsureSuccessStatusCode();
        return await response.ReadJsonAsync();
    }

    public static Task<List<HelpCase>> StoredCasesAsync(this EvacuationApp app) =>
        app.WithDbAsync(db => db.HelpCases.AsNoTracking().Include(c => c.Notes).OrderBy(c => c.Id).ToListAsync());

    public static Task<HttpResponseMessage> CaseActionAsync(this HttpClient client, string id, string action, object? body = null) =>
        body is null
            ? client.PostAsync($"/api/cases/{id}/{action}", null)
            : client.PostAsJsonAsync($"/api/cases/{id}/{action}", body);

    public static Task<int> AuditCountAsync(this EvacuationApp app, string action) =>
        app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == action));
}
