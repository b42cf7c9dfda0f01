using Evacuation.Core.Channels;
using Evacuation.Core.Replies;
using Evacuation.Data;
using Evacuation.Host.Api;
using Evacuation.Host.Operators;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Replies;

/// <summary><c>GET /api/replies?unhandled=true</c> and <c>POST /api/sandbox/replies</c> (docs/api.md, "Replies" and "Sandbox mode").</summary>
public static class ReplyEndpoints
{
    public sealed record SandboxReply(string? CitizenId, string? Channel, string? Text);

    public sealed record ReplyView(long Id, string Channel, string? CitizenId, string Text, string? Meaning, bool Unhandled, DateTime ReceivedAt, DateTime? InterpretedAt);

    public static IEndpointRouteBuilder MapReplies(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/replies", ListAsync).WithTags("Replies").RequireAuthorization(Roles.Viewer);
        app.MapPost("/api/sandbox/replies", SandboxAsync).WithTags("Replies").RequireAuthorization(Roles.Operator);
        return app;
    }

    static async Task<IResult> ListAsync(EvacuationDb db, bool? unhandled, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(pageSize ?? 100, 1, 1000);
        var skip = Math.Max(0, (page ?? 1) - 1) * size;
        var query = db.Replies.AsNoTracking().Where(r => r.Kind != InboundKind.Ignored);
        if (unhandled is { } wanted)
        {
            query = query.Where(r => r.Unhandled == wanted);
        }
        var rows = await query.OrderByDescending(r => r.Id).Skip(skip).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(View));
    }

    static ReplyView View(Reply r) => new(r.Id, r.Channel.ToString(), r.CitizenId?.ToString(), r.Text, r.Meaning, r.Unhandled, r.ReceivedAt, r.InterpretedAt);

    /// <summary>Injects a reply as if the citizen had sent it, runs the same pipeline, and answers what it did.</summary>
    static async Task<IResult> SandboxAsync(SandboxReply? request, EvacuationDb db, ReplyInbox inbox, ReplyInterpreter interpreter, CancellationToken cancellationToken)
    {
        if (request is null || !Guid.TryParse(request.CitizenId, out var citizenId))
        {
            return Problem.BadRequest("citizenId must be the id of a citizen.");
        }
        if (!Enum.TryParse<ChannelKind>(request.Channel, ignoreCase: true, out var channel) || !Enum.IsDefined(channel))
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
        var from = channel == ChannelKind.Telegram ? citizen.TelegramChatId : null;
        if (channel == ChannelKind.Telegram ? from is null : citizen.Phone is null)
        {
            return Problem.BadRequest($"This citizen has no {(channel == ChannelKind.Telegram ? "Telegram chat id" : "phone")}.");
        }
        var key = "sandbox-" + Guid.CreateVersion7().ToString("N");
        var message = new InboundMessage(channel, key, InboundKind.Text) { ChatId = from, Phone = channel == ChannelKind.Sms ? citizen.Phone : null, Text = InboundMessage.Clip(request.Text) };
        await inbox.AcceptAsync(message, cancellationToken);
        await interpreter.InterpretPendingAsync(cancellationToken);
        var stored = await db.Replies.AsNoTracking().SingleAsync(r => r.Channel == channel && r.ProviderKey == key, cancellationToken);
        return TypedResults.Ok(View(stored));
    }
}
