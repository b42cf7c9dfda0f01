namespace Evacuation.Testing;

/// <summary>One operator key per role, and the settings that configure them: what every in-process service of the tests signs in with.</summary>
public static class TestKeys
{
    public const string Viewer = "viewer-key-0123456789abcdef-0123456789";
    public const string Operator = "operator-key-0123456789abcdef-0123456789";
    public const string Admin = "admin-key-0123456789abcdef-0123456789";

    /// <summary>Another Operator, for what needs a second person (approving a broadcast); not in <see cref="Settings"/>.</summary>
    public const string SecondOperator = "second-operator-key-0123456789abcdef";

    /// <summary><c>Operators:ApiKeys</c> with the three keys, named as a duty room would name them.</summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["Operators:ApiKeys:0:Name"] = "duty-viewer",
        ["Operators:ApiKeys:0:Key"] = Viewer,
        ["Operators:ApiKeys:0:Role"] = "Viewer",
        ["Operators:ApiKeys:1:Name"] = "duty-officer",
        ["Operators:ApiKeys:1:Key"] = Operator,
        ["Operators:ApiKeys:1:Role"] = "Operator",
        ["Operators:ApiKeys:2:Name"] = "admin",
        ["Operators:ApiKeys:2:Key"] = Admin,
        ["Operators:ApiKeys:2:Role"] = "Admin",
    };

    /// <summary><paramref name="settings"/> with <see cref="SecondOperator"/> as a fourth key, named "second-officer".</summary>
    public static Dictionary<string, string?> WithSecondOperator(Dictionary<string, string?> settings)
    {
        settings["Operators:ApiKeys:3:Name"] = "second-officer";
        settings["Operators:ApiKeys:3:Key"] = SecondOperator;
        settings["Operators:ApiKeys:3:Role"] = "Operator";
        return settings;
    }

    /// <summary>
    /// <see cref="Settings"/> for a service on a SQLite file, sending as fast as the fakes answer (the providers' own
    /// rate limits would only slow the tests), then <paramref name="extra"/> on top.
    /// </summary>
    public static Dictionary<string, string?> OnSqlite(string connectionString, IEnumerable<KeyValuePair<string, string?>> extra)
    {
        var settings = Settings();
        settings["Storage:Provider"] = "Sqlite";
        settings["ConnectionStrings:Evacuation"] = connectionString;
        settings["Telegram:MessagesPerSecond"] = "1000";
        settings["Twilio:SegmentsPerSecond"] = "1000";
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        return settings;
    }
}
