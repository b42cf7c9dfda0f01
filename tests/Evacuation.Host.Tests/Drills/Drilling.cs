using System.Net.Http.Json;
using System.Text.Json;
using Evacuation.Host.Tests.Broadcasts;

namespace Evacuation.Host.Tests.Drills;

/// <summary>Starting a drill and playing it to its end on the test's clock.</summary>
public static class Drilling
{
    public static async Task<JsonElement> StartDrillAsync(this EvacuationApp app, object request)
    {
        var response = await app.Admin().PostAsJsonAsync("/api/drills", request);
        var body = await response.ReadJsonAsync();
        Assert.True((int)response.StatusCode == 202, $"{(int)response.StatusCode}: {body}");
        return body;
    }

    public static async Task<JsonElement> CurrentDrillAsync(this EvacuationApp app) =>
        await (await app.Viewer().GetAsync("/api/drills/current")).ReadJsonAsync();

    /// <summary>Moves the clock past the drill's end in steps, then waits for the drill to say it has finished.</summary>
    public static async Task<JsonElement> PlayDrillAsync(this EvacuationApp app, TimeSpan length)
    {
        var step = length / 20;
        for (var moved = TimeSpan.Zero; moved <= length; moved += step)
        {
            app.Time.Advance(step);
        }
        return (await app.UntilAsync(async () =>
        {
            var drill = await app.CurrentDrillAsync();
            return drill.GetProperty("state").GetString() == "Finished" ? new[] { drill } : null;
        }, "the drill to finish"))[0];
    }

    /// <summary>
    /// A finished drill's last messages may still be on their way through the dispatcher (the clock was moved past
    /// their leases at once): waits until at least <paramref name="atLeast"/> of its messages are sent.
    /// </summary>
    public static async Task<JsonElement> UntilDrillSentAsync(this EvacuationApp app, long atLeast) =>
        (await app.UntilAsync(async () =>
        {
            var drill = await app.CurrentDrillAsync();
            return drill.GetProperty("messagesSent").GetInt64() >= atLeast ? new[] { drill } : null;
        }, $"{atLeast} drill messages sent"))[0];
}
