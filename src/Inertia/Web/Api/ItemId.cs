using System.Globalization;

namespace Inertia.Web.Api;

/// <summary>
/// Entry ids as the Google Reader dialect writes them: the long form
/// <c>tag:google.com,2005:reader/item/&lt;16 hex digits&gt;</c> (in items), decimal (in id lists). Clients
/// send any of the long form, the long form unpadded, the bare 16 hex digits, or signed decimal.
/// </summary>
internal static class ItemId
{
    public const string LongPrefix = "tag:google.com,2005:reader/item/";

    public static string Long(long id) => LongPrefix + id.ToString("x16", CultureInfo.InvariantCulture);

    public static string Decimal(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads an id in any of the forms; false for anything else.</summary>
    public static bool TryParse(string? text, out long id)
    {
        id = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var value = text.Trim();
        if (value.StartsWith(LongPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return TryHex(value[LongPrefix.Length..], out id);
        }
        // Sixteen characters are hex (a decimal id that long would exceed every id we store); fewer are decimal.
        if (value.Length == 16 && TryHex(value, out id))
        {
            return true;
        }
        return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out id);
    }

    private static bool TryHex(string hex, out long id)
    {
        id = 0;
        if (hex.Length is 0 or > 16 || !ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }
        id = unchecked((long)value);
        return true;
    }
}
