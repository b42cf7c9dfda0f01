namespace Evacuation.Core.Citizens;

/// <summary>The result of checking a <see cref="CitizenInput"/>: the clean fields, or the reasons it was refused.</summary>
public sealed record CitizenCheck(CitizenFields? Fields, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public bool IsValid => Fields is not null;
}
