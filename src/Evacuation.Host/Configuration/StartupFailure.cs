using Microsoft.Extensions.Options;

namespace Evacuation.Host.Configuration;

/// <summary>Turns a configuration mistake found at start into one line a person can act on.</summary>
public static class StartupFailure
{
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException e => string.Join(Environment.NewLine, e.Failures.Select(f => "Configuration error: " + f)),
        // The configuration binder names the key in its message ("... at 'Telegram:MessagesPerSecond' to type ...").
        InvalidOperationException e when e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal)
            => "Configuration error: " + e.Message,
        ConfigurationProblemException e => "Configuration error: " + e.Message,
        Core.Routes.CrossingsFileException e => "Configuration error: Routes:File: " + e.Message,
        AggregateException e when e.InnerExceptions.Count == 1 => Describe(e.InnerExceptions[0]),
        _ => exception.InnerException is { } inner ? Describe(inner) : null,
    };
}

/// <summary>A setting that is present but wrong, found before the host is built.</summary>
public sealed class ConfigurationProblemException(string message) : Exception(message);
