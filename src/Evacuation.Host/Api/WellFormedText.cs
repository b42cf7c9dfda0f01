using System.Text.Json;
using System.Text.Json.Serialization;

namespace Evacuation.Host.Api;

/// <summary>
/// Every string in a JSON body: refused when it holds half of a surrogate pair (<c>"\ud800"</c>), which JSON allows
/// but no text is made of and PostgreSQL cannot store (it would answer 500). The refusal is a 400 that says where.
/// </summary>
public sealed class WellFormedText : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : Checked(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);

    static string Checked(string text) =>
        Core.Replies.InboundMessage.HasBrokenCharacters(text)
            ? throw new JsonException("The text holds half of a surrogate pair (a broken character); send whole characters.")
            : text;
}
