using System.Globalization;
using Evacuation.Core.Deliveries;

namespace Evacuation.Core.Broadcasts;

/// <summary>
/// The pacing-bound time to reach everyone on one channel: the broadcast's own pacing units (Telegram messages, or SMS
/// segments) plus those already queued ahead of it at its priority or higher, at the rate the channel's pacer keeps up
/// (<see cref="Pacer.SustainedRate"/>: about 2% under the configured one; <see cref="UnitsPerSecond"/> is the configured
/// rate). Null
/// <see cref="Eta"/> when pacing is off (nothing bounds it). When the operator's expiry comes first,
/// <see cref="NotReached"/> says how many recipients would still be waiting then (the queue ahead goes first; each
/// recipient costs the broadcast's average units).
/// </summary>
public sealed record ChannelEta(string Channel, int Recipients, long Units, long UnitsAhead, double? UnitsPerSecond, TimeSpan? Eta, int NotReached)
{
    public static ChannelEta Of(string channel, int recipients, long units, long unitsAhead, double? unitsPerSecond, TimeSpan? untilExpiry)
    {
        if (unitsPerSecond is not > 0)
        {
            return new(channel, recipients, units, unitsAhead, null, null, 0);
        }
        var rate = Pacer.SustainedRate(unitsPerSecond.Value);
        var eta = TimeSpan.FromSeconds((units + unitsAhead) / rate);
        var notReached = 0;
        if (untilExpiry is { } left && left < eta && recipients > 0 && units > 0)
        {
            var unitsInTime = Math.Max(0, left.TotalSeconds * rate - unitsAhead);
            var reached = (int)Math.Min(recipients, Math.Floor(unitsInTime * recipients / units));
            notReached = recipients - reached;
        }
        return new(channel, recipients, units, unitsAhead, unitsPerSecond, eta, notReached);
    }

    /// <summary><see cref="Eta"/> in seconds (tenths), for scripts and the dashboard.</summary>
    public double? EtaSeconds => Eta is { } eta ? Math.Round(eta.TotalSeconds, 1) : null;

    /// <summary>What an operator should read before sending, or null when everyone is reached before the expiry.</summary>
    public string? Warning => NotReached == 0 ? null : string.Create(CultureInfo.InvariantCulture,
        $"{Channel}: {NotReached} of {Recipients} recipients would not be reached before expiresAt (sending everything takes about {Math.Ceiling(Eta!.Value.TotalMinutes)} min at {UnitsPerSecond}/s); set a later expiresAt or narrow the audience");
}
