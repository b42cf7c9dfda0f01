using System.Globalization;

namespace Evacuation.Host.Reports;

/// <summary>Writes one CSV cell: quoted when needed, and defused when a spreadsheet would run it as a formula.</summary>
public static class CsvCell
{
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        // A cell starting with = + - @ is a formula in Excel and LibreOffice (CSV injection); a leading
        // apostrophe keeps it text. Phone numbers are written with Phone(), which knows they are safe.
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return Quote(value);
    }

    public static string Phone(string? e164) => e164 ?? "";

    public static string Time(DateTime? value) =>
        value?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
