namespace Evacuation.Host.Citizens;

/// <summary>The answer to a CSV import: counts, and each refused row with its line number and the reason.</summary>
public sealed record ImportAnswer(
    int Imported,
    int Updated,
    int Unchanged,
    IReadOnlyList<ImportRejection> Rejected,
    IReadOnlyList<ImportWarning> Warnings);

public sealed record ImportRejection(int Line, string Reason);

public sealed record ImportWarning(int Line, string Message);
