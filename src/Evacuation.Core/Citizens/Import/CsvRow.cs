namespace Evacuation.Core.Citizens.Import;

/// <summary>
/// One record of a CSV file. <see cref="Line"/> is the physical line it starts on (the header is line 1),
/// so an operator can find it in a spreadsheet. A row the reader could not make sense of carries
/// <see cref="Error"/> and no fields; the reader goes on with the next line.
/// </summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields, string? Error = null);
