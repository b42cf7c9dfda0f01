namespace Evacuation.Core.Broadcasts;

/// <summary>
/// What an operator broadcasts. <see cref="Advisory"/> and <see cref="RouteInstructions"/> have built-in
/// templates in every language; <see cref="Custom"/> text is sent exactly as the operator wrote it.
/// </summary>
public enum BroadcastKind
{
    Advisory,
    RouteInstructions,
    Custom,
}
