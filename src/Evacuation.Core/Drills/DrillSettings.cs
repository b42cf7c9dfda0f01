namespace Evacuation.Core.Drills;

/// <summary>What an operator asks for: how many demo citizens, over how long, whether a crossing closes halfway.</summary>
public sealed record DrillSettings(int Citizens, double Minutes, bool CloseCrossing, bool ForceSandbox)
{
    public const int DefaultCitizens = 500;
    public const double DefaultMinutes = 10;
    public const int MostCitizens = 10_000;
    public const double ShortestMinutes = 0.1;
    public const double LongestMinutes = 240;

    public TimeSpan Duration => TimeSpan.FromMinutes(Minutes);

    /// <summary>Every problem with the numbers, in words an operator can act on.</summary>
    public IReadOnlyList<string> Check()
    {
        var errors = new List<string>();
        if (Citizens is < 1 or > MostCitizens)
        {
            errors.Add($"citizens must be between 1 and {MostCitizens:N0} (got {Citizens})");
        }
        if (double.IsNaN(Minutes) || Minutes < ShortestMinutes || Minutes > LongestMinutes)
        {
            errors.Add($"minutes must be between {ShortestMinutes} and {LongestMinutes} (got {Minutes})");
        }
        return errors;
    }
}
