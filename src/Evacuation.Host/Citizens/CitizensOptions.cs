using Evacuation.Core.Citizens;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Citizens;

/// <summary><c>Citizens:*</c> settings.</summary>
public sealed class CitizensOptions
{
    public const string Section = "Citizens";

    /// <summary>Country (ISO 3166 alpha-2) for phone numbers written without a country code.</summary>
    public string DefaultRegion { get; set; } = "UA";

    public sealed class Validator : IValidateOptions<CitizensOptions>
    {
        public ValidateOptionsResult Validate(string? name, CitizensOptions options) =>
            PhoneNumber.IsKnownRegion(options.DefaultRegion ?? "")
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"Citizens:DefaultRegion must be a two-letter country code such as UA or PL (got '{options.DefaultRegion}')");
    }
}
