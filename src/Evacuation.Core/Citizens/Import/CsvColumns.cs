namespace Evacuation.Core.Citizens.Import;

/// <summary>Where each known column is in a CSV file's header (any order, any case), and which columns are not ours.</summary>
public sealed class CsvColumns
{
    public static readonly string[] Names = ["externalId", "name", "phone", "telegramChatId", "language", "region", "householdSize"];

    readonly int[] at;

    CsvColumns(IReadOnlyList<string> header)
    {
        at = [.. Names.Select(name => Find(header, name))];
        Unknown = [.. header.Where(h => h.Trim().Length > 0 && !Names.Contains(h.Trim(), StringComparer.OrdinalIgnoreCase))];
    }

    public static CsvColumns From(IReadOnlyList<string> header) => new(header);

    /// <summary>A citizen needs a phone or a chat, so a file must have one of the two columns.</summary>
    public bool NamesAContact => at[2] >= 0 || at[3] >= 0;

    /// <summary>Header names that are none of <see cref="Names"/>: ignored, with a warning.</summary>
    public IReadOnlyList<string> Unknown { get; }

    public CitizenInput Read(IReadOnlyList<string> fields)
    {
        string? At(int column) => at[column] >= 0 && at[column] < fields.Count ? fields[at[column]] : null;
        return new CitizenInput(At(0), At(1), At(2), At(3), At(4), At(5), At(6));
    }

    static int Find(IReadOnlyList<string> header, string column)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i].Trim(), column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }
}
