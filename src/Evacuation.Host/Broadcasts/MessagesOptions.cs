using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Broadcasts;

/// <summary>
/// <c>Messages:*</c>: who our messages say they are from, and the number citizens can call to check. The sender opens
/// every advisory, reminder and route message (in place of a generic "OFFICIAL", which anyone can type).
/// </summary>
public sealed class MessagesOptions
{
    public const string Section = "Messages";

    /// <summary>A long name costs every English advisory a segment: with 30 characters the longest still fits two.</summary>
    public const int MaxSenderLength = 30;

    public const int MaxHotlineLength = 20;

    /// <summary>"Embassy of Israel". Empty: each language's word for an evacuation notice.</summary>
    public string SenderName { get; set; } = "";

    /// <summary>The sender's name by language code where it is written differently, e.g. <c>"he": "שגרירות ישראל"</c>.</summary>
    public Dictionary<string, string> SenderNames { get; set; } = [];

    /// <summary>A phone number citizens can call, added where it fits (advisories, the answer to a call for help, the wait message).</summary>
    public string Hotline { get; set; } = "";

    public Signature ToSignature()
    {
        var names = new Dictionary<string, string>();
        foreach (var (language, name) in SenderNames)
        {
            if (Language.TryParse(language, out var code) && !string.IsNullOrWhiteSpace(name))
            {
                names[code] = name.Trim();
            }
        }
        return new(SenderName.Trim(), names, Hotline.Trim());
    }

    public sealed class Validator : IValidateOptions<MessagesOptions>
    {
        public ValidateOptionsResult Validate(string? name, MessagesOptions options)
        {
            var failures = new List<string>();
            CheckName("Messages:SenderName", options.SenderName ?? "", english: true, failures);
            foreach (var (language, sender) in options.SenderNames ?? [])
            {
                if (!Language.TryParse(language, out var code))
                {
                    failures.Add($"Messages:SenderNames:{language} is not one of our languages ({string.Join(", ", Language.All)})");
                    continue;
                }
                CheckName($"Messages:SenderNames:{language}", sender ?? "", english: code == Language.English, failures);
            }
            var hotline = (options.Hotline ?? "").Trim();
            if (hotline.Length > 0 && (hotline.Length > MaxHotlineLength || !IsPhoneNumber(hotline)))
            {
                failures.Add($"Messages:Hotline must be a phone number of digits, spaces and hyphens, '+' first for international, at most {MaxHotlineLength} characters, e.g. '+380 44 000 0000' (got '{hotline}')");
            }
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        static void CheckName(string key, string value, bool english, List<string> failures)
        {
            var sender = value.Trim();
            if (sender.Length > MaxSenderLength)
            {
                failures.Add($"{key} is {sender.Length} characters; at most {MaxSenderLength} fit, because it opens every message (got '{sender}')");
            }
            if (sender.IndexOfAny(['{', '}', '\n', '\r']) >= 0)
            {
                failures.Add($"{key} must be one line without braces (got '{sender}')");
            }
            var outside = sender.Where(c => !Gsm7Alphabet.Contains(c)).Distinct().ToList();
            if (english && outside.Count > 0)
            {
                failures.Add($"{key} opens every English SMS and has characters outside GSM-7 ({string.Join(" ", outside.Select(c => $"'{c}'"))}), which would make each one two to three times as long: write it in plain letters, and put names in other scripts in Messages:SenderNames (e.g. Messages:SenderNames:he)");
            }
        }

        static bool IsPhoneNumber(string text) =>
            text.Select((c, i) => char.IsAsciiDigit(c) || c is ' ' or '-' || (c == '+' && i == 0)).All(ok => ok)
            && text.Count(char.IsAsciiDigit) >= 3;
    }
}
