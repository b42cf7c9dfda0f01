namespace Evacuation.Testing;

/// <summary>One operator key per role, and the settings that configure them: what every in-process service of the tests signs in with.</summary>
public static class TestKeys
{
    public const string Viewer = "viewer-key-0123456789abcdef";
    public const string Operator = "operator-key-0123456789abcdef";
    public const string Admin = "admin-key-0123456789abcdef";

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
}
