using Microsoft.Extensions.Options;

namespace Evacuation.Host.Routes;

/// <summary><c>Routes:File</c>: the border crossings and regions data.</summary>
public sealed class RoutesOptions
{
    public const string Section = "Routes";

    /// <summary>Relative paths are read from the service's own folder, where the shipped file is.</summary>
    public string File { get; set; } = "crossings.json";

    public string FullPath => Path.IsPathRooted(File) ? File : Path.Combine(AppContext.BaseDirectory, File);

    public sealed class Validator : IValidateOptions<RoutesOptions>
    {
        public ValidateOptionsResult Validate(string? name, RoutesOptions options) =>
            System.IO.File.Exists(options.FullPath)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"Routes:File points to '{options.FullPath}', which does not exist");
    }
}
