using Evacuation.Core.Routes;

namespace Evacuation.Host.Routes;

/// <summary>The body of <c>PUT /api/crossings/{id}</c>: either field may be left out, not both.</summary>
public sealed record CrossingChange(string? Status, string? Notes)
{
    /// <summary>The status asked for (null when not given) and every problem found, in words an operator can act on.</summary>
    public (CrossingStatus? Status, List<string> Errors) Read()
    {
        var errors = new List<string>();
        CrossingStatus? status = null;
        if (Status is null && Notes is null)
        {
            errors.Add("give status (Open, Congested or Closed), notes, or both");
        }
        if (Status is not null)
        {
            if (Enum.TryParse<CrossingStatus>(Status.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(Status, out _))
            {
                status = parsed;
            }
            else
            {
                errors.Add($"status '{Status}' is not one of Open, Congested or Closed");
            }
        }
        if (Notes is not null && Notes.Trim().Length > CrossingState.MaxNotesLength)
        {
            errors.Add($"notes are {Notes.Trim().Length} characters; at most {CrossingState.MaxNotesLength} fit, because they go into every route message");
        }
        return (status, errors);
    }
}
