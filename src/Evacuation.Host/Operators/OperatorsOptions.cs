using Evacuation.Core.Operators;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Operators;

/// <summary><c>Operators</c>: the keys operators sign in with, and where a first start puts the key it makes.</summary>
public sealed class OperatorsOptions
{
    public const string Section = "Operators";

    public const int MinimumKeyLength = KeySecrets.MinimumLength;

    public List<ConfiguredKey> ApiKeys { get; set; } = [];

    /// <summary>The file a first start writes its Admin key to (relative to the working directory, like the SQLite file).</summary>
    public string FirstKeyFile { get; set; } = "first-admin-key.txt";

    public sealed class ConfiguredKey
    {
        public string Name { get; set; } = "";

        public string Key { get; set; } = "";

        public OperatorRole Role { get; set; } = OperatorRole.Viewer;
    }

    public sealed class Validator : IValidateOptions<OperatorsOptions>
    {
        public ValidateOptionsResult Validate(string? name, OperatorsOptions options)
        {
            var failures = new List<string>();
            for (var i = 0; i < options.ApiKeys.Count; i++)
            {
                var key = options.ApiKeys[i];
                if (string.IsNullOrWhiteSpace(key.Name))
                {
                    failures.Add($"Operators:ApiKeys:{i}:Name is empty; every key needs a name for the audit log");
                }
                if (KeySecrets.IsPlaceholder(key.Key))
                {
                    failures.Add($"Operators:ApiKeys:{i}:Key is the placeholder from appsettings.example.json; put a random key of at least {MinimumKeyLength} characters there");
                }
                else if ((key.Key ?? "").Length < MinimumKeyLength)
                {
                    failures.Add($"Operators:ApiKeys:{i}:Key must be at least {MinimumKeyLength} characters");
                }
                if (!Enum.IsDefined(key.Role))
                {
                    failures.Add($"Operators:ApiKeys:{i}:Role must be Viewer, Operator or Admin");
                }
            }
            if (string.IsNullOrWhiteSpace(options.FirstKeyFile))
            {
                failures.Add("Operators:FirstKeyFile must name a file (the default is first-admin-key.txt)");
            }
            var duplicate = options.ApiKeys.GroupBy(k => k.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                failures.Add($"Operators:ApiKeys has two keys named '{duplicate.Key}'; names must be unique");
            }
            var twice = options.ApiKeys.GroupBy(k => k.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1 && g.Key.Length > 0);
            if (twice is not null)
            {
                failures.Add($"Operators:ApiKeys gives one key to '{string.Join("' and '", twice.Select(k => k.Name))}'; every key needs its own secret");
            }
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
