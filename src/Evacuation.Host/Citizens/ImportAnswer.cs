namespace Evacuation.Host.Citizens;

/// <summary>
/// The answer to a CSV import: counts, and the refused rows with their line number and the reason, and the warnings:
/// the first <see cref="ImportLines{T}.Shown"/> of each in file order, with <see cref="RejectedTotal"/> and
/// <see cref="WarningsTotal"/> counting all of them.
/// </summary>
public sealed record ImportAnswer(
    int Imported,
    int Updated,
    int Unchanged,
    IReadOnlyList<ImportRejection> Rejected,
    IReadOnlyList<ImportWarning> Warnings,
    int RejectedTotal,
    int WarningsTotal);

public sealed record ImportRejection(int Line, string Reason);

public sealed record ImportWarning(int Line, string Message);
