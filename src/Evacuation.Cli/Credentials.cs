using System.Text.Json;

namespace Evacuation.Cli;

/// <summary>
/// What <c>evac login</c> stores for the user: the service's address and their key, in
/// <c>~/.config/evac/credentials.json</c> (or under XDG_CONFIG_HOME), readable and writable only by them (0600).
/// EVAC_URL and EVAC_API_KEY, when set, win over it.
/// </summary>
public sealed class Credentials(string folder)
{
    public sealed record Saved(string Url, string ApiKey);

    public static Credentials ForUser() =>
        new(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.Create), "evac"));

    public string File => Path.Combine(folder, "credentials.json");

    public Saved? Load()
    {
        try
        {
            return System.IO.File.Exists(File) ? JsonSerializer.Deserialize<Saved>(System.IO.File.ReadAllText(File), OperatorApi.Json) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the file with owner-only permissions from its first byte (created 0600, then filled).</summary>
    public void Save(Saved saved)
    {
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(File, options))
        {
            JsonSerializer.Serialize(stream, saved, OperatorApi.Json);
        }
        if (!OperatingSystem.IsWindows())
        {
            // An existing file keeps its mode on open: set it again.
            System.IO.File.SetUnixFileMode(File, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
