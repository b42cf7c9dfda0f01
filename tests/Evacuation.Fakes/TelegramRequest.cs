using System.Text.Json.Nodes;

namespace Evacuation.Fakes;

/// <summary>
/// One Bot API call the fake received: <c>/bot{Token}/{Method}</c> and its parameters (JSON or form), and the fake's
/// port it came in at (<see cref="FakeTelegramServer.DoorUrls"/>).
/// </summary>
public sealed record TelegramRequest(string Token, string Method, JsonObject Parameters, int Port = 0)
{
    public string? ChatId => Parameters["chat_id"]?.ToString();

    public string? Text => Parameters["text"]?.ToString();

    /// <summary>The send asked for a paid broadcast (allow_paid_broadcast).</summary>
    public bool PaidBroadcast => Parameters["allow_paid_broadcast"]?.ToString() is "true" or "True";

    /// <summary>Inline keyboard buttons row by row flattened, as (label, callback data).</summary>
    public IReadOnlyList<(string Text, string? CallbackData)> Buttons
    {
        get
        {
            var markup = Parameters["reply_markup"] switch
            {
                JsonObject o => o,
                JsonValue v when v.TryGetValue<string>(out var s) => JsonNode.Parse(s) as JsonObject,
                _ => null,
            };
            return markup?["inline_keyboard"] is JsonArray rows
                ? [.. rows.OfType<JsonArray>().SelectMany(r => r.OfType<JsonObject>())
                    .Select(b => (b["text"]?.ToString() ?? "", b["callback_data"]?.ToString()))]
                : [];
        }
    }
}
