using Evacuation.Host.Configuration;

namespace Evacuation.Host.Operators;

/// <summary>Where the first-start Admin key is put: a new file that only the service's user may read or write (0600).</summary>
public static class FirstKeyFile
{
    public static void Write(string path, string secret)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // A file left from an earlier first start may carry other permissions: made anew, never reused.
            File.Delete(path);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            writer.WriteLine(secret);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationProblemException($"Operators:FirstKeyFile: cannot write the first Admin key to '{path}' ({e.Message}); choose a folder the service may write to");
        }
    }
}
