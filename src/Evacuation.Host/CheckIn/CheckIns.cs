using Evacuation.Core.Broadcasts;
using Evacuation.Core.CheckIn;
using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Core.Replies;
using Evacuation.Data;
using Evacuation.Host.Replies;
using Evacuation.Host.Routes;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.CheckIn;

/// <summary>
/// The check-in page's work: whose link it is, and a press or a shared location recorded as a reply on channel
/// <see cref="ChannelKind.Web"/> through the one reply pipeline (<see cref="ReplyInbox"/>, which stores it once per
/// form and press, and decides and applies it like any SMS or Telegram reply: status, timeline, reminders, call list,
/// help case, crossing).
/// </summary>
public sealed class CheckIns(EvacuationDb db, ReplyInbox inbox, CrossingPlanner planner, Signature signature, TimeProvider time)
{
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The citizen whose page <paramref name="token"/> opens; else the answer to give (404).</summary>
    public async Task<(Citizen? Citizen, Func<HttpContext, IResult> Refusal)> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (!CheckInToken.IsWellFormed(token))
        {
            return (null, CheckInResponses.NotFound);
        }
        var citizen = await db.Citizens.AsNoTracking().SingleOrDefaultAsync(c => c.CheckInToken == token, cancellationToken);
        return (citizen, CheckInResponses.NotFound);
    }

    /// <summary>The page with a fresh form; <paramref name="pressed"/> adds the acknowledgement of a press, <paramref name="notice"/> a line on top.</summary>
    public IResult Show(HttpContext http, Citizen citizen, JourneyStatus? pressed = null, string? notice = null, int status = StatusCodes.Status200OK)
    {
        var page = CheckInPage.For(citizen, planner.Crossings, planner.Assignment, signature, pressed, notice);
        return CheckInResponses.Page(http, page, FormToken.Issue(citizen.CheckInToken!, Now), status);
    }

    /// <summary>Records a press; the same form pressed twice is stored once. Returns the citizen as the press left them.</summary>
    public Task<Citizen> PressAsync(Citizen citizen, string nonce, CheckInPress press, CancellationToken cancellationToken) =>
        RecordAsync(citizen, new InboundMessage(ChannelKind.Web, $"{nonce}:{press.Code()}", InboundKind.Button)
        {
            CitizenId = citizen.Id,
            Text = Keyboards.ReplyPrefix + press.Code(),
        }, cancellationToken);

    /// <summary>Records a location shared from the page, which re-assigns the nearest open crossing as a shared Telegram location does.</summary>
    public Task<Citizen> LocateAsync(Citizen citizen, string nonce, double latitude, double longitude, CancellationToken cancellationToken) =>
        RecordAsync(citizen, new InboundMessage(ChannelKind.Web, $"{nonce}:location", InboundKind.Location)
        {
            CitizenId = citizen.Id,
            Latitude = latitude,
            Longitude = longitude,
        }, cancellationToken);

    async Task<Citizen> RecordAsync(Citizen citizen, InboundMessage message, CancellationToken cancellationToken)
    {
        await inbox.AcceptAsync(message, cancellationToken);
        return await db.Citizens.AsNoTracking().SingleOrDefaultAsync(c => c.Id == citizen.Id, cancellationToken) ?? citizen;
    }
}
