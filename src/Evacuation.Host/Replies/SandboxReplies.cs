using Evacuation.Core.Channels;
using Evacuation.Core.Replies;
using Evacuation.Data;
using Evacuation.Host.Api;
using Evacuation.Host.Auditing;
using Evacuation.Host.Operators;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Replies;

/// <summary>
/// <c>POST /api/sandbox/replies</c>: types a reply in for a citizen, to rehearse a drill end to end. Only where it
/// cannot speak for a real person: the citizen's channel is a sandbox (nothing we send on it reaches anyone either).
/// On a live channel it is refused, since "1" or "STOP" would drop a real citizen from advisories and reminders. Each
/// one is audited with the key's name, and the timeline says which operator entered it.
/// </summary>
public static class SandboxReplies
{
    public sealed record SandboxReply(string? CitizenId, string? Channel, string? Text);

    public static async Task<IResult> EnterAsync(HttpContext context, EvacuationDb db, ReplyInbox inbox, ReplyInterpreter interpreter, TimeProvider time)
    {
        var (request, problem) = await JsonBody.ReadAsync<SandboxReply>(context);
        if (problem is not null)
        {
            return problem;
        }
        var cancellationToken = context.RequestAborted;
        if (!Guid.TryParse(request!.CitizenId, out var citizenId))
        {
            return Problem.BadRequest("citizenId must be the id of a citizen.");
        }
        if (!Enum.TryParse<ChannelKind>(request.Channel, ignoreCase: true, out var channel) || channel is not (ChannelKind.Telegram or ChannelKind.Sms) || int.TryParse(request.Channel, out _))
        {
            return Problem.BadRequest("channel must be Telegram or Sms.");
        }
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return Problem.BadRequest("text is required.");
        }
        var citizen = await db.Citizens.AsNoTracking().SingleOrDefaultAsync(c => c.Id == citizenId, cancellationToken);
        if (citizen is null)
        {
            return Problem.NotFound($"No citizen has id {citizenId}.");
        }
        if (context.RequestServices.GetRequiredKeyedService<IChannel>(channel).IsLive)
        {
            return TypedResults.Problem(
                $"{channel} is live: a reply typed in here would speak for a real citizen. Sandbox replies are for channels in sandbox mode.",
                statusCode: StatusCodes.Status403Forbidden, title: "Not a sandbox");
        }
        var from = channel == ChannelKind.Telegram ? citizen.TelegramChatId : null;
        if (channel == ChannelKind.Telegram ? from is null : citizen.Phone is null)
        {
            return Problem.BadRequest($"This citizen has no {(channel == ChannelKind.Telegram ? "Telegram chat id" : "phone")}.");
        }

        var actor = Roles.NameOf(context.User);
        var text = InboundMessage.Clip(request.Text);
        db.Record(time.GetUtcNow().UtcDateTime, actor, "sandbox.reply", citizen.Id.ToString(), $"{channel}: \"{text}\"");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // Not even the audit line could be written: nothing was done, so the operator sends it again (503).
            throw new NotStoredException(e);
        }
        var key = "sandbox-" + Guid.CreateVersion7().ToString("N");
        var message = new InboundMessage(channel, key, InboundKind.Text)
        {
            ChatId = from, Phone = channel == ChannelKind.Sms ? citizen.Phone : null, Text = text, EnteredBy = actor,
        };
        await inbox.AcceptAsync(message, cancellationToken);
        await interpreter.InterpretPendingAsync(cancellationToken);
        var stored = await db.Replies.AsNoTracking().SingleAsync(r => r.Channel == channel && r.ProviderKey == key, cancellationToken);
        return TypedResults.Ok(ReplyEndpoints.View(stored, whole: true));
    }
}
