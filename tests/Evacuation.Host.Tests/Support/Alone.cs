namespace Evacuation.Host.Tests;

/// <summary>
/// Tests that read process-wide state and must not share the process with other running services: OpenTelemetry
/// listens to every meter of a name in the process, so <c>/metrics</c> of one test's service also counts the sends of
/// services other tests run at the same moment (one service per process in production). xunit runs this collection
/// after the parallel ones, by itself.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Alone
{
    public const string Name = "alone in the process";
}
