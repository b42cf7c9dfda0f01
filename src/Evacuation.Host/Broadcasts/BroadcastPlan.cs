using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Routes;

namespace Evacuation.Host.Broadcasts;

/// <summary>A broadcast request that passed every check, in the product's own types.</summary>
public sealed record BroadcastPlan(
    BroadcastKind Kind,
    IReadOnlyDictionary<string, string> Texts,
    Audience Audience,
    ChannelPolicy Channels,
    DateTime? SendAt)
{
    /// <summary><see cref="Core.Deliveries.DeliveryPriority"/> of its deliveries: urgent ones go ahead of bulk.</summary>
    public int Priority { get; init; } = Core.Deliveries.DeliveryPriority.Bulk;

    /// <summary>The operator's expiry (checked against the clock by the endpoint), or null: never.</summary>
    public DateTime? ExpiresAt { get; init; }

    /// <summary>Reads <paramref name="request"/>; every problem found is listed, in words an operator can act on.</summary>
    public static (BroadcastPlan? Plan, List<string> Errors) Read(BroadcastRequest request, CrossingsFile routes)
    {
        var errors = new List<string>();
        var kind = ReadKind(request.Kind, errors);
        var texts = ReadTexts(kind, request.Text, errors);
        var policy = ChannelPolicy.Preferred;
        if (!string.IsNullOrWhiteSpace(request.Channels) && !TryEnum(request.Channels, out policy))
        {
            errors.Add($"channels '{request.Channels}' is not one of Preferred, Both, Telegram or Sms");
        }
        var audience = ReadAudience(request.Audience, routes, errors);
        return errors.Count > 0 || kind is null
            ? (null, errors)
            : (new BroadcastPlan(kind.Value, texts, WithoutDeparted(kind.Value, audience), policy, request.SendAt?.UtcDateTime)
            {
                Priority = request.Urgent ? Core.Deliveries.DeliveryPriority.Urgent : Core.Deliveries.DeliveryPriority.Bulk,
                ExpiresAt = request.ExpiresAt?.UtcDateTime,
            }, errors);
    }

    /// <summary>
    /// A citizen who confirmed departure is not sent the advisory again (issue 4): an Advisory with no status filter
    /// goes to every status but Departed. An operator who names Departed in the statuses still reaches them.
    /// </summary>
    static Audience WithoutDeparted(BroadcastKind kind, Audience audience) =>
        kind == BroadcastKind.Advisory && audience.Statuses.Count == 0
            ? audience with { Statuses = [.. Enum.GetValues<JourneyStatus>().Where(s => s != JourneyStatus.Departed)] }
            : audience;

    static BroadcastKind? ReadKind(string? value, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add("kind is required: Advisory, RouteInstructions or Custom");
            return null;
        }
        if (!TryEnum<BroadcastKind>(value, out var kind))
        {
            errors.Add($"kind '{value}' is not one of Advisory, RouteInstructions or Custom");
            return null;
        }
        return kind;
    }

    static Dictionary<string, string> ReadTexts(BroadcastKind? kind, Dictionary<string, string?>? given, List<string> errors)
    {
        var texts = new Dictionary<string, string>();
        foreach (var (code, text) in given ?? [])
        {
            if (!Language.TryParse(code, out var language))
            {
                errors.Add($"text has an unknown language '{code}': use {string.Join(", ", Language.All)}");
                continue;
            }
            if (kind is null)
            {
                continue;
            }
            if (kind != BroadcastKind.Custom && text is null)
            {
                continue;
            }
            errors.AddRange(BroadcastText.Check(kind.Value, text).Select(e => $"text.{language}: {e}"));
            texts[language] = text!;
        }
        if (kind == BroadcastKind.Custom && texts.Count == 0 && (given is null || given.Count == 0))
        {
            errors.Add("a Custom broadcast needs its text in at least one language, e.g. \"text\": { \"en\": \"...\" }");
        }
        return texts;
    }

    static Audience ReadAudience(AudienceRequest? given, CrossingsFile routes, List<string> errors)
    {
        var statuses = new List<JourneyStatus>();
        foreach (var value in given?.Statuses ?? [])
        {
            if (TryEnum<JourneyStatus>(value, out var status))
            {
                statuses.Add(status);
            }
            else
            {
                errors.Add($"audience.statuses has '{value}', which is not one of {string.Join(", ", Enum.GetNames<JourneyStatus>())}");
            }
        }
        var regions = new List<string>();
        foreach (var value in given?.Regions ?? [])
        {
            if (!string.IsNullOrWhiteSpace(value) && routes.Regions.TryFind(value, out var region))
            {
                regions.AddRange(new[] { region.Name, value.Trim() }.Concat(region.Aliases).Select(n => n.ToLowerInvariant()));
            }
            else
            {
                errors.Add($"audience.regions has '{value}', which is not a region in the crossings file (e.g. Lviv, Kyiv, Odesa, Zakarpattia)");
            }
        }
        var crossings = new List<string>();
        foreach (var value in given?.Crossings ?? [])
        {
            if (!string.IsNullOrWhiteSpace(value) && routes.TryFindCrossing(value, out var crossing))
            {
                crossings.Add(crossing.Id);
            }
            else
            {
                errors.Add($"audience.crossings has '{value}', which is not a crossing id (see GET /api/crossings)");
            }
        }
        return new Audience(statuses, [.. regions.Distinct()], crossings);
    }

    static bool TryEnum<T>(string value, out T parsed)
        where T : struct, Enum =>
        Enum.TryParse(value.Trim(), ignoreCase: true, out parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _);
}
