using Evacuation.Core.Channels;

namespace Evacuation.Core.Health;

/// <summary>One channel as <c>GET /health</c> reports it: live or a sandbox, and why it is stopped when it is.</summary>
public sealed record ChannelCondition(ChannelKind Channel, bool Live, string? StoppedBecause, DateTime? StoppedSince)
{
    public bool CanSend => StoppedBecause is null;
}

/// <summary>What the health endpoints answer, decided from what the service knows about itself.</summary>
public sealed record ServiceHealth(string Status, bool Ready, IReadOnlyList<string> Problems)
{
    public const string Ok = "ok";
    public const string Degraded = "degraded";

    /// <summary>
    /// <c>ok</c> when the database answers, the scheduler runs and every channel can send; otherwise <c>degraded</c>
    /// with each problem in words. Ready (<c>GET /health/ready</c>) means messages can go out: the database answers
    /// and at least one channel is not stopped. A sandbox channel counts as able to send (a drill is a real use).
    /// </summary>
    public static ServiceHealth Judge(string? databaseProblem, string scheduler, IReadOnlyList<ChannelCondition> channels)
    {
        var problems = new List<string>();
        if (databaseProblem is not null)
        {
            problems.Add("database: " + databaseProblem);
        }
        if (scheduler is not ("running" or "starting"))
        {
            problems.Add("scheduler: " + scheduler);
        }
        problems.AddRange(channels.Where(c => !c.CanSend).Select(c => $"{c.Channel} stopped: {c.StoppedBecause}"));
        var ready = databaseProblem is null && channels.Any(c => c.CanSend);
        return new ServiceHealth(problems.Count == 0 ? Ok : Degraded, ready, problems);
    }
}
