namespace Evacuation.Cli;

/// <summary>What <c>evac</c> exits with, so scripts can tell a typo from an outage.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The service answered with an error (bad request, not found, conflict...).</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong, or EVAC_API_KEY is not set.</summary>
    public const int Usage = 2;

    /// <summary>The service could not be reached at EVAC_URL.</summary>
    public const int Unreachable = 3;

    /// <summary>The key was refused (401) or its role is too low (403).</summary>
    public const int Refused = 4;

    /// <summary>A file to read is missing or unreadable, or a file to write cannot be written.</summary>
    public const int BadFile = 5;
}
