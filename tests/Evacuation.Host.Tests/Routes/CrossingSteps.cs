using System.Net.Http.Json;
using System.Text.Json;
using Evacuation.Core.Routes;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Host.Tests.Routes;

/// <summary>Test steps for the crossings API.</summary>
public static class CrossingSteps
{
    public static CrossingsFile File(this EvacuationApp app) => app.Services.GetRequiredService<CrossingsFile>();

    public static Crossing Crossing(this EvacuationApp app, string id) =>
        app.File().TryFindCrossing(id, out var crossing) ? crossing : throw new ArgumentException($"no crossing {id}");

    public static Task<HttpResponseMessage> SetCrossingAsync(this EvacuationApp app, string id, object body) =>
        app.Admin().PutAsJsonAsync($"/api/crossings/{id}", body);

    public static async Task<JsonElement> SetCrossingOkAsync(this EvacuationApp app, string id, object body)
    {
        var response = await app.SetCrossingAsync(id, body);
        response.EnsureSuccessStatusCode();
        return await response.ReadJsonAsync();
    }

    /// <summary>Adds a citizen through the API and answers the crossing id stored for them.</summary>
    public static async Task<(string Id, string? Crossing)> AddCitizenAsync(this EvacuationApp app, int n, string region, string language = "en")
    {
        var body = await app.Operator().PostCitizenAsync(new { name = $"Citizen {n}", phone = Some.Phone(n), telegramChatId = 5000 + n, language, region });
        return (body.GetProperty("id").GetString()!, body.GetProperty("assignedCrossing").GetString());
    }
}
