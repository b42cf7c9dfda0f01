using System.Net.Http.Json;
using System.Text.Json;

namespace Evacuation.Host.Tests.Operators;

/// <summary>Settings and calls the key tests share.</summary>
static class Keys
{
    /// <summary>No configured key, and the first-start key written to <paramref name="file"/>.</summary>
    public static Dictionary<string, string?> None(string file)
    {
        var settings = new Dictionary<string, string?> { ["Operators:FirstKeyFile"] = file };
        for (var i = 0; i < 3; i++)
        {
            settings[$"Operators:ApiKeys:{i}:Name"] = null;
            settings[$"Operators:ApiKeys:{i}:Key"] = null;
            settings[$"Operators:ApiKeys:{i}:Role"] = null;
        }
        return settings;
    }

    public static async Task<(string Id, string Secret)> CreateAsync(this HttpClient admin, string name, string role)
    {
        var response = await admin.PostAsJsonAsync("/api/keys", new { name, role });
        var body = await response.ReadJsonAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
        }
        return (body.GetProperty("id").GetString()!, body.GetProperty("key").GetString()!);
    }

    public static async Task<List<JsonElement>> ListAsync(this HttpClient admin) =>
        [.. (await admin.GetFromJsonAsync<JsonElement>("/api/keys")).EnumerateArray()];

    public static HttpClient With(this EvacuationApp app, string secret) => app.ClientWithKey(secret);
}
