using System.Buffers;
using System.Collections.Frozen;
using System.Text;

namespace Inertia.Feeds.Text;

/// <summary>
/// The encodings feeds are decoded with: the charset labels that browsers accept (WHATWG Encoding Standard, "Encodings"
/// table) mapped to .NET encodings that decode invalid bytes as browsers do, and the canonical name of each for messages.
/// </summary>
/// <remarks>
/// Left out, because .NET has no decoder for them: ISO-8859-10, ISO-8859-14, ISO-8859-16 and x-user-defined; also the
/// "replacement" labels (ISO-2022-KR, ISO-2022-CN, HZ-GB-2312), which browsers refuse on purpose because their escape
/// sequences can hide markup. A label that is left out is unknown: the detector warns and reads the bytes instead.
/// </remarks>
internal static class CharsetLabels
{
    /// <summary>Code page of ISO-2022-JP: the one 7-bit encoding in the table, so ASCII bytes do not imply ASCII text.</summary>
    public const int Iso2022JapaneseCodePage = 50220;

    private const int MaxLabelLength = 64;

    /// <summary>Separators that writers swap freely ("utf_8", "UTF8", "Shift-JIS", "ISO 8859 1").</summary>
    private static readonly SearchValues<char> Separators = SearchValues.Create("-_ .");

    private static readonly FrozenDictionary<string, Encoding>.AlternateLookup<ReadOnlySpan<char>> Exact;
    private static readonly FrozenDictionary<string, Encoding>.AlternateLookup<ReadOnlySpan<char>> Loose;
    private static readonly FrozenDictionary<int, string> Names;

    static CharsetLabels()
    {
        // Legacy code pages (GB18030, Big5, Shift_JIS, KOI8-R, windows-125x …) are not in .NET's default set.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Legacy(1252);
        Utf8WithWindows1252Fallback = Encoding.GetEncoding(
            Utf8.CodePage, EncoderFallback.ReplacementFallback, new Windows1252ByteFallback(Windows1252));

        var exact = new Dictionary<string, Encoding>(StringComparer.OrdinalIgnoreCase);
        var loose = new Dictionary<string, Encoding>(StringComparer.OrdinalIgnoreCase);
        var names = new Dictionary<int, string>();
        foreach (var (name, encoding, labels) in Table())
        {
            names[encoding.CodePage] = name;
            foreach (var label in labels)
            {
                exact.Add(label, encoding);
                loose.TryAdd(LooseKey(label), encoding);
            }
        }
        Exact = exact.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        Loose = loose.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        Names = names.ToFrozenDictionary();
    }

    /// <summary>UTF-8 without a byte order mark of its own: decoding only, invalid bytes become U+FFFD.</summary>
    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static Encoding Utf16LittleEndian { get; } = Encoding.Unicode;

    public static Encoding Utf16BigEndian { get; } = Encoding.BigEndianUnicode;

    public static Encoding Utf32LittleEndian { get; } = Encoding.UTF32;

    public static Encoding Utf32BigEndian { get; } = new UTF32Encoding(bigEndian: true, byteOrderMark: true);

    /// <summary>What browsers read undeclared legacy text and Latin-1/ASCII labels as.</summary>
    public static Encoding Windows1252 { get; }

    /// <summary>UTF-8 that reads each invalid byte as windows-1252: for UTF-8 documents with pasted Latin-1 fragments.</summary>
    public static Encoding Utf8WithWindows1252Fallback { get; }

    /// <summary>The encoding for <paramref name="label"/>, or null when no known label matches even loosely.</summary>
    public static Encoding? Find(ReadOnlySpan<char> label)
    {
        label = label.Trim().Trim("\"'").Trim();
        if (label.IsEmpty || label.Length > MaxLabelLength)
        {
            return null;
        }
        if (Exact.TryGetValue(label, out var encoding))
        {
            return encoding;
        }
        Span<char> key = stackalloc char[MaxLabelLength];
        var length = 0;
        foreach (var c in label)
        {
            if (!Separators.Contains(c))
            {
                key[length++] = c;
            }
        }
        return Loose.TryGetValue(key[..length], out encoding) ? encoding : null;
    }

    /// <summary>The WHATWG name of <paramref name="encoding"/> ("UTF-8", "GB18030", "Shift_JIS"), for messages.</summary>
    public static string NameOf(Encoding encoding) =>
        Names.TryGetValue(encoding.CodePage, out var name) ? name : encoding.WebName;

    /// <summary>UTF-16 or UTF-32: an encoding in which ASCII markup has null bytes.</summary>
    public static bool IsWide(Encoding encoding) => encoding.CodePage is 1200 or 1201 or 12000 or 12001;

    /// <summary>The same encoding, counting UTF-16 LE/BE (and UTF-32 LE/BE) as one: "UTF-16" names both.</summary>
    public static bool SameFamily(Encoding a, Encoding b) =>
        a.CodePage == b.CodePage || (IsWide(a) && IsWide(b) && UnitSize(a) == UnitSize(b));

    /// <summary>The bytes per code unit of a wide encoding.</summary>
    public static int UnitSize(Encoding wide) => wide.CodePage is 12000 or 12001 ? 4 : 2;

    public static bool IsBigEndian(Encoding wide) => wide.CodePage is 1201 or 12001;

    /// <summary>
    /// A code page whose invalid bytes decode to U+FFFD, as in browsers; .NET's default "?" would hide the damage.
    /// </summary>
    private static Encoding Legacy(int codePage) =>
        Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));

    private static string LooseKey(string label)
    {
        Span<char> key = stackalloc char[label.Length];
        var length = 0;
        foreach (var c in label)
        {
            if (!Separators.Contains(c))
            {
                key[length++] = c;
            }
        }
        return new string(key[..length]);
    }

    private static IEnumerable<(string Name, Encoding Encoding, string[] Labels)> Table()
    {
        yield return ("UTF-8", Utf8, ["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"]);
        yield return ("UTF-16LE", Utf16LittleEndian, ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"]);
        yield return ("UTF-16BE", Utf16BigEndian, ["unicodefffe", "utf-16be"]);
        // Not in the WHATWG table (browsers never meet it) but legal in XML, and a BOM can announce it.
        yield return ("UTF-32LE", Utf32LittleEndian, ["utf-32", "utf-32le", "ucs-4"]);
        yield return ("UTF-32BE", Utf32BigEndian, ["utf-32be"]);
        yield return ("IBM866", Legacy(866), ["866", "cp866", "csibm866", "ibm866"]);
        yield return ("ISO-8859-2", Legacy(28592), ["csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2", "iso_8859-2:1987", "l2", "latin2"]);
        yield return ("ISO-8859-3", Legacy(28593), ["csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3", "iso_8859-3:1988", "l3", "latin3"]);
        yield return ("ISO-8859-4", Legacy(28594), ["csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4", "iso_8859-4:1988", "l4", "latin4"]);
        yield return ("ISO-8859-5", Legacy(28595), ["csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5", "iso88595", "iso_8859-5", "iso_8859-5:1988"]);
        yield return ("ISO-8859-6", Legacy(28596), ["arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114", "iso-8859-6", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596", "iso_8859-6", "iso_8859-6:1987"]);
        yield return ("ISO-8859-7", Legacy(28597), ["csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7", "iso-ir-126", "iso8859-7", "iso88597", "iso_8859-7", "iso_8859-7:1987", "sun_eu_greek"]);
        yield return ("ISO-8859-8", Legacy(28598), ["csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e", "iso-ir-138", "iso8859-8", "iso88598", "iso_8859-8", "iso_8859-8:1988", "visual"]);
        yield return ("ISO-8859-8-I", Legacy(38598), ["csiso88598i", "iso-8859-8-i", "logical"]);
        yield return ("ISO-8859-13", Legacy(28603), ["iso-8859-13", "iso8859-13", "iso885913"]);
        yield return ("ISO-8859-15", Legacy(28605), ["csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9"]);
        yield return ("KOI8-R", Legacy(20866), ["cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"]);
        yield return ("KOI8-U", Legacy(21866), ["koi8-ru", "koi8-u"]);
        yield return ("macintosh", Legacy(10000), ["csmacintosh", "mac", "macintosh", "x-mac-roman"]);
        yield return ("windows-874", Legacy(874), ["dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874"]);
        yield return ("windows-1250", Legacy(1250), ["cp1250", "windows-1250", "x-cp1250"]);
        yield return ("windows-1251", Legacy(1251), ["cp1251", "windows-1251", "x-cp1251"]);
        // Browsers read Latin-1 and ASCII labels as windows-1252: servers that say Latin-1 send curly quotes in 0x80–0x9F.
        yield return ("windows-1252", Windows1252, ["ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252", "x-cp1252"]);
        yield return ("windows-1253", Legacy(1253), ["cp1253", "windows-1253", "x-cp1253"]);
        yield return ("windows-1254", Legacy(1254), ["cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599", "iso_8859-9", "iso_8859-9:1989", "l5", "latin5", "windows-1254", "x-cp1254"]);
        yield return ("windows-1255", Legacy(1255), ["cp1255", "windows-1255", "x-cp1255"]);
        yield return ("windows-1256", Legacy(1256), ["cp1256", "windows-1256", "x-cp1256"]);
        yield return ("windows-1257", Legacy(1257), ["cp1257", "windows-1257", "x-cp1257"]);
        yield return ("windows-1258", Legacy(1258), ["cp1258", "windows-1258", "x-cp1258"]);
        yield return ("x-mac-cyrillic", Legacy(10007), ["x-mac-cyrillic", "x-mac-ukrainian"]);
        // GB2312 and GBK labels get the GB18030 decoder, a superset, so GBK-only characters in a "gb2312" feed decode.
        yield return ("GB18030", Encoding.GetEncoding(54936, EncoderFallback.ReplacementFallback, new GbkEuroFallback()), ["chinese", "cp936", "csgb2312", "csiso58gb231280", "gb18030", "gb2312", "gb_2312", "gb_2312-80", "gbk", "iso-ir-58", "ms936", "windows-936", "x-gbk"]);
        yield return ("Big5", Legacy(950), ["big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"]);
        // 51932 rather than 20932: it decodes the IBM extension rows (髙, 﨑) that 20932 maps to private-use characters.
        yield return ("EUC-JP", Legacy(51932), ["cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"]);
        yield return ("ISO-2022-JP", Legacy(Iso2022JapaneseCodePage), ["csiso2022jp", "iso-2022-jp"]);
        yield return ("Shift_JIS", Legacy(932), ["csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis"]);
        yield return ("EUC-KR", Legacy(949), ["cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949"]);
    }

    /// <summary>
    /// Decodes a lone 0x80 as the euro sign, as Windows' GBK and browsers' GB18030 decoder do (.NET's GB18030 refuses
    /// it), and any other invalid sequence as U+FFFD.
    /// </summary>
    private sealed class GbkEuroFallback : DecoderFallback
    {
        public override int MaxCharCount => 1;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

        private sealed class Buffer : DecoderFallbackBuffer
        {
            private char replacement;
            private bool pending;

            public override int Remaining => pending ? 1 : 0;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                replacement = bytesUnknown is [0x80] ? '€' : '\uFFFD';
                pending = true;
                return true;
            }

            public override char GetNextChar()
            {
                if (!pending)
                {
                    return '\0';
                }
                pending = false;
                return replacement;
            }

            public override bool MovePrevious()
            {
                if (pending)
                {
                    return false;
                }
                pending = true;
                return true;
            }

            public override void Reset() => pending = false;
        }
    }

    /// <summary>Reads the bytes a UTF-8 decoder rejects as windows-1252, where such stray bytes almost always come from.</summary>
    private sealed class Windows1252ByteFallback(Encoding windows1252) : DecoderFallback
    {
        /// <summary>A UTF-8 decoder rejects at most the three bytes of a truncated four-byte sequence at once.</summary>
        public override int MaxCharCount => 3;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(windows1252);

        private sealed class Buffer(Encoding windows1252) : DecoderFallbackBuffer
        {
            private string replacement = "";
            private int position;

            public override int Remaining => replacement.Length - position;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                replacement = windows1252.GetString(bytesUnknown);
                position = 0;
                return true;
            }

            public override char GetNextChar() => position < replacement.Length ? replacement[position++] : '\0';

            public override bool MovePrevious()
            {
                if (position == 0)
                {
                    return false;
                }
                position--;
                return true;
            }

            public override void Reset() => (replacement, position) = ("", 0);
        }
    }
}
