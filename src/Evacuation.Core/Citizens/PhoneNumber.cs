using System.Globalization;
using PhoneNumbers;
using System.Runtime.CompilerServices;

namespace Evacuation.Core.Citizens;

/// <summary>
/// Phone numbers in any common writing, stored as E.164. Numbers without a country code are read in the
/// configured default region (<c>Citizens:DefaultRegion</c>); <c>+</c> and <c>00</c> always mean international.
/// </summary>
public static class PhoneNumber
{
    public const int MaxInputLength = 32;

    static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static bool IsKnownRegion(string region) => Util.GetSupportedRegions().Contains(region.ToUpperInvariant());

    /// <summary>Normalizes <paramref name="input"/> to E.164, or says in words why it cannot.</summary>
    // Runs once per row of an import: compiled optimized at first call instead of starting as unoptimized code that is
    // replaced mid-import (with TieredPGO off, the optimized code is the same either way).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryNormalize(string? input, string defaultRegion, out string e164, out string error)
    {
        e164 = "";
        error = "";
        var text = (input ?? "").Trim();
        if (text.Length == 0)
        {
            error = "phone is empty";
            return false;
        }
        if (text.Length > MaxInputLength)
        {
            error = $"phone is longer than {MaxInputLength} characters";
            return false;
        }
        // "00" is the international prefix in most of Europe, including Ukraine; the contract makes it
        // international whatever the default region is.
        if (text.StartsWith("00", StringComparison.Ordinal))
        {
            text = "+" + text[2..];
        }
        try
        {
            var parsed = Util.Parse(text, defaultRegion.ToUpperInvariant());
            if (!Util.IsValidNumber(parsed))
            {
                error = $"phone '{Mask(text)}' is not a valid number (write it with its country code, e.g. +380501234567)";
                return false;
            }
            e164 = Util.Format(parsed, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            error = $"phone '{Mask(text)}' is not a phone number (write it with its country code, e.g. +380501234567)";
            return false;
        }
    }

    /// <summary>
    /// An E.164 number as one integer: at most 15 digits after the '+', and no country code starts with 0, so different
    /// numbers never share one.
    /// </summary>
    public static long Digits(string e164) => long.Parse(e164.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Hides all but the last three digits, for logs and messages: "+380501234567" becomes "+*********567".</summary>
    public static string Mask(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return "";
        }
        var digits = phone.Count(char.IsAsciiDigit);
        var keep = Math.Min(3, digits);
        var seen = 0;
        var chars = phone.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsAsciiDigit(chars[i]))
            {
                seen++;
                if (seen <= digits - keep)
                {
                    chars[i] = '*';
                }
            }
            else if (chars[i] != '+')
            {
                chars[i] = '*';
            }
        }
        return new string(chars);
    }
}
