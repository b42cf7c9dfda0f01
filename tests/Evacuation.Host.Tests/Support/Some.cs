using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Evacuation.Host.Tests;

/// <summary>Test data and small HTTP conveniences.</summary>
public static class Some
{
    public const string CsvHeader = "externalId,name,phone,telegramChatId,language,region,householdSize";

    public static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    public static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<JsonElement> PostCitizenAsync(this HttpClient client, object citizen)
    {
        var response = await client.PostAsJsonAsync("/api/citizens", citizen);
        var body = await response.ReadJsonAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
        }
        return body;
    }

    /// <summary>A valid Ukrainian mobile number, different for each n.</summary>
    public static string Phone(int n) => $"+38050{n:D7}";

    public static async Task<string> BroadcastAsync(this EvacuationApp app, object request)
    {
        var response = await app.Operator().PostAsJsonAsync("/api/broadcasts", request);
        var body = await response.ReadJsonAsync();
        if ((int)response.StatusCode != 202)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
        }
        return body.GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> ProgressAsync(this EvacuationApp app, string id) =>
        await (await app.Viewer().GetAsync($"/api/broadcasts/{id}")).ReadJsonAsync();
}
