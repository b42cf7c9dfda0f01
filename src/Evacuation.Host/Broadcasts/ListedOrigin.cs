using Evacuation.Core.Broadcasts;
using Evacuation.Core.Reminders;
using Evacuation.Host.Deliveries;

namespace Evacuation.Host.Broadcasts;

/// <summary>
/// Which broadcasts <c>GET /api/broadcasts?origin=</c> lists. Answers to citizens (and invitations, which are sent the
/// same way) and reminders are broadcasts too, one per answer or sweep, and would bury operators' advisories: by
/// default only operators' broadcasts are listed, re-routes after a closure included (an Admin made them). Told apart
/// by who created them: answers are created by <see cref="Answers.CreatedBy"/>, reminders by <see cref="ReminderRules.Author"/>,
/// names no operator key may take (<see cref="Authors"/>).
/// </summary>
public static class ListedOrigin
{
    public const string Operator = "operator";
    public const string Replies = "replies";
    public const string Reminders = "reminders";
    public const string All = "all";

    static readonly string[] Names = [Operator, Replies, Reminders, All];

    /// <summary>The origin asked for (operator when none), or null with a problem an operator can act on.</summary>
    public static (string? Origin, string? Problem) Read(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (Operator, null);
        }
        var origin = Names.FirstOrDefault(n => n.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));
        return origin is null
            ? (null, $"origin '{value}' is not one of {string.Join(", ", Names)} (operator, the default, includes re-routes after a crossing closed).")
            : (origin, null);
    }

    public static IQueryable<Broadcast> Apply(IQueryable<Broadcast> broadcasts, string origin) => origin switch
    {
        Replies => broadcasts.Where(b => b.CreatedBy == Answers.CreatedBy),
        Reminders => broadcasts.Where(b => b.CreatedBy == ReminderRules.Author),
        All => broadcasts,
        _ => broadcasts.Where(b => b.CreatedBy != Answers.CreatedBy && b.CreatedBy != ReminderRules.Author),
    };
}
