using Evacuation.Core.Operators;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Operators;

/// <summary><c>Operators:ApiKeys</c>: the keys operators sign in with.</summary>
public sealed class OperatorsOptions
{
    public const string Section = "Operators";

    public const int MinimumKeyLength = 16;

    public List<ConfiguredKey> ApiKeys { get; set; } = [];

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
                if ((key.Key ?? "").Length < MinimumKeyLength)
                {
                    failures.Add($"Operators:ApiKeys:{i}:Key must be at least {MinimumKeyLength} characters");
                }
                if (!Enum.IsDefined(key.Role))
                {
                    failures.Add($"Operators:ApiKeys:{i}:Role must be Viewer, Operator or Admin");
                }
            }
            var duplicate = options.ApiKeys.GroupBy(k => k.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                failures.Add($"Operators:ApiKeys has two keys named '{duplicate.Key}'; names must be unique");
            }
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
