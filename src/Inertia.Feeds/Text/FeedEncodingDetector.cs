using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;
using UtfUnknown;

namespace Inertia.Feeds.Text;

/// <summary>
/// Chooses the character encoding of a feed document from its bytes, its XML declaration and the HTTP Content-Type,
/// trusting the bytes over what anyone says about them.
/// </summary>
public static class FeedEncodingDetector
{
    /// <summary>How far into an 8-bit document to look for <c>&lt;?xml</c>: far enough to step over junk such as PHP warnings.</summary>
    private const int DeclarationWindow = 1024;

    /// <summary>How many UTF-16/32 code units to look through for the declaration: it follows the BOM at once.</summary>
    private const int WideDeclarationWindow = 256;

    /// <summary>No real charset label is this long; longer values are junk and are cut before lookup.</summary>
    private const int MaxLabelLength = 64;

    /// <summary>The detector's statistics settle within a few KiB of text; the cap bounds its cost on huge documents.</summary>
    private const int SniffWindow = 64 * 1024;

    /// <summary>
    /// Valid multi-byte UTF-8 sequences per invalid one from which a document counts as UTF-8 with damage. Legacy CJK text
    /// forms valid UTF-8 by chance at about 1 to 4, legacy European text almost never.
    /// </summary>
    private const int MostlyUtf8Ratio = 10;

    /// <summary>At or below this the detector is guessing (it gives windows-1252 0.5 to anything): the fallback is as good.</summary>
    private const float SniffConfidence = 0.5f;

    private const string HttpHeader = "HTTP header";
    private const string XmlDeclaration = "XML declaration";

    private static readonly IReadOnlyList<string> NoWarnings = Array.Empty<string>();
    private static readonly SearchValues<byte> UnquotedLabelEnd = SearchValues.Create(" \t\r\n?>"u8);

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];
    private static ReadOnlySpan<byte> Utf16LittleEndianBom => [0xFF, 0xFE];
    private static ReadOnlySpan<byte> Utf16BigEndianBom => [0xFE, 0xFF];
    private static ReadOnlySpan<byte> Utf32LittleEndianBom => [0xFF, 0xFE, 0x00, 0x00];
    private static ReadOnlySpan<byte> Utf32BigEndianBom => [0x00, 0x00, 0xFE, 0xFF];
    private static ReadOnlySpan<byte> XmlWhitespace => " \t\r\n"u8;

    private enum Reason
    {
        ByteOrderMark,
        WideWithoutByteOrderMark,
        Ascii,
        Utf8Bytes,
        MostlyUtf8Bytes,
        Declared,
        Sniffed,
        Fallback,
    }

    /// <summary>
    /// Chooses the encoding of a feed document (XML or JSON) from its bytes and the HTTP Content-Type (may be null).
    /// </summary>
    /// <remarks>
    /// <para>Precedence, first match wins:</para>
    /// <list type="number">
    /// <item>A byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE). Nothing produces one by accident, and XML and
    /// browsers both let it override any label.</item>
    /// <item>The null-byte pattern of UTF-16/32 without a BOM (<c>&lt;?</c>, <c>&lt;r</c>, <c>{</c> as 00 3C 00 3F …):
    /// ASCII markup leaves nulls in a wide encoding and never in an 8-bit one. For the same reason a label that says
    /// UTF-16 on a document without those nulls is wrong and is set aside.</item>
    /// <item>Pure ASCII bytes: UTF-8, which reads ASCII exactly like every ASCII-compatible label and is the fastest
    /// decoder; only a declared ISO-2022-JP, whose escapes are ASCII bytes, is kept.</item>
    /// <item>Bytes that are valid UTF-8 and contain non-ASCII: UTF-8, whatever is declared. Declaring Latin-1 while
    /// writing UTF-8 is a very common generator mistake, and legacy text that happens to form valid multi-byte UTF-8
    /// throughout a document is vanishingly rare.</item>
    /// <item>Bytes that are mostly valid UTF-8 (ten valid multi-byte sequences or more per invalid one): UTF-8, with
    /// each invalid sequence read as windows-1252. A UTF-8 feed with a pasted Latin-1 fragment is common, and reading
    /// it all as a legacy encoding would garble every UTF-8 character to save a few.</item>
    /// <item>A legacy (non-Unicode) encoding named by the XML declaration, else by the HTTP charset. The declaration is
    /// written by the program that generated the text; a server's charset is often a default that knows nothing of it.
    /// A UTF-8 label is set aside here because the bytes have just proved it false.</item>
    /// <item>Detection from the bytes (UTF.Unknown, Mozilla's universal charset detector), accepted only with
    /// reasonable confidence.</item>
    /// <item>windows-1252: the encoding of most undeclared legacy web text, and one that decodes every byte.</item>
    /// </list>
    /// <para>Labels are mapped as browsers map them (<see cref="FromLabel"/>). Every label that the result contradicts,
    /// and every label that is unknown, adds a warning naming both sides. For the common case (UTF-8 or no declaration,
    /// valid UTF-8) the cost is one vectorized pass over the bytes and the result is the only allocation.</para>
    /// </remarks>
    public static EncodingDetection Detect(ReadOnlySpan<byte> document, string? contentType)
    {
        var http = new Claim(HttpHeader, CharsetSpan(contentType));
        Span<char> labelBuffer = stackalloc char[MaxLabelLength];

        var preambleLength = ReadByteOrderMark(document, out var encoding);
        if (preambleLength > 0)
        {
            var afterBom = document[preambleLength..];
            var label = CharsetLabels.IsWide(encoding)
                ? WideDeclaredLabel(afterBom, encoding, labelBuffer)
                : DeclaredLabel(afterBom, labelBuffer);
            return Conclude(encoding, preambleLength, Reason.ByteOrderMark, http, new Claim(XmlDeclaration, label));
        }
        if (TryReadWideWithoutBom(document, out encoding))
        {
            var label = WideDeclaredLabel(document, encoding, labelBuffer);
            return Conclude(encoding, 0, Reason.WideWithoutByteOrderMark, http, new Claim(XmlDeclaration, label));
        }

        var declaration = new Claim(XmlDeclaration, DeclaredLabel(document, labelBuffer));
        var firstNonAscii = document.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
        if (firstNonAscii < 0)
        {
            var named = IsLegacy(declaration.Encoding) ? declaration.Encoding : http.Encoding;
            var chosen = named is { CodePage: CharsetLabels.Iso2022JapaneseCodePage } ? named : CharsetLabels.Utf8;
            return Conclude(chosen, 0, Reason.Ascii, http, declaration);
        }
        if (Utf8.IsValid(document[firstNonAscii..]))
        {
            return Conclude(CharsetLabels.Utf8, 0, Reason.Utf8Bytes, http, declaration);
        }
        var invalidSequences = MostlyUtf8InvalidSequences(document[firstNonAscii..]);
        if (invalidSequences > 0)
        {
            return Conclude(CharsetLabels.Utf8WithWindows1252Fallback, 0, Reason.MostlyUtf8Bytes, http, declaration, invalidSequences);
        }
        if (IsLegacy(declaration.Encoding))
        {
            return Conclude(declaration.Encoding, 0, Reason.Declared, http, declaration);
        }
        if (IsLegacy(http.Encoding))
        {
            return Conclude(http.Encoding, 0, Reason.Declared, http, declaration);
        }
        var sniffed = Sniff(document, firstNonAscii);
        return sniffed is null
            ? Conclude(CharsetLabels.Windows1252, 0, Reason.Fallback, http, declaration)
            : Conclude(sniffed, 0, Reason.Sniffed, http, declaration);
    }

    /// <summary>
    /// The encoding for a charset label as browsers map labels (WHATWG Encoding Standard), or null for an unknown label.
    /// </summary>
    /// <remarks>
    /// Case, surrounding quotes and whitespace are ignored, and so are the separators "-", "_", "." and space when the
    /// label is not found as written ("UTF8", "utf_8", "Shift-JIS"). As in browsers, Latin-1 and ASCII labels give
    /// windows-1252 and GB2312/GBK labels give GB18030.
    /// </remarks>
    public static Encoding? FromLabel(ReadOnlySpan<char> label) => CharsetLabels.Find(label);

    /// <summary>The charset parameter of a Content-Type header value, or null.</summary>
    /// <remarks>Parameter names are matched without regard to case; a quoted value is returned without its quotes.</remarks>
    public static string? CharsetOf(string? contentType)
    {
        var charset = CharsetSpan(contentType);
        return charset.IsEmpty ? null : charset.ToString();
    }

    private static EncodingDetection Conclude(
        Encoding encoding, int preambleLength, Reason reason, Claim http, Claim declaration, int invalidSequences = 0)
    {
        List<string>? warnings = null;
        Add(ref warnings, WarningFor(http, encoding, reason, http, declaration));
        Add(ref warnings, WarningFor(declaration, encoding, reason, http, declaration));
        if (reason == Reason.MostlyUtf8Bytes)
        {
            var sequences = invalidSequences == 1 ? "1 invalid byte sequence" : $"{invalidSequences} invalid byte sequences";
            Add(ref warnings, $"The document is UTF-8 but for {sequences}, read as windows-1252.");
        }
        if (reason is Reason.Sniffed or Reason.Fallback && http.Encoding is null && declaration.Encoding is null)
        {
            var what = http.IsPresent || declaration.IsPresent ? "no known encoding" : "no encoding";
            Add(ref warnings, $"The document declares {what} and is not valid UTF-8; {HowDetected(encoding, reason)}.");
        }
        return new EncodingDetection(encoding, preambleLength, warnings ?? NoWarnings);
    }

    private static void Add(ref List<string>? warnings, string? warning)
    {
        if (warning is not null)
        {
            (warnings ??= []).Add(warning);
        }
    }

    private static string? WarningFor(Claim claim, Encoding chosen, Reason reason, Claim http, Claim declaration)
    {
        if (!claim.IsPresent)
        {
            return null;
        }
        if (claim.Encoding is not { } named)
        {
            return $"The {claim.Source} names the unknown encoding \"{Show(claim.Label)}\"; it was ignored.";
        }
        if (CharsetLabels.SameFamily(named, chosen))
        {
            return null;
        }
        var label = Show(claim.Label);
        var says = $"The {claim.Source} says {label} but";
        var chosenName = CharsetLabels.NameOf(chosen);
        var notWide = $"the bytes are 8-bit, not {(CharsetLabels.UnitSize(named) == 2 ? "UTF-16" : "UTF-32")}";
        switch (reason)
        {
            case Reason.ByteOrderMark:
                return $"{says} the document starts with a {chosenName} byte order mark; read as {chosenName}.";
            case Reason.WideWithoutByteOrderMark:
                return $"{says} the bytes are {chosenName} without a byte order mark; read as {chosenName}.";
            case Reason.Ascii:
                // Every ASCII-compatible encoding reads ASCII alike: only a wide label misreads these bytes.
                return CharsetLabels.IsWide(named) ? $"{says} {notWide}; read as {chosenName}." : null;
            case Reason.Utf8Bytes:
                return $"{says} the bytes are UTF-8; read as UTF-8.";
            case Reason.MostlyUtf8Bytes:
                return $"{says} the bytes are mostly UTF-8; read as UTF-8.";
            case Reason.Declared:
                var winner = IsLegacy(declaration.Encoding) ? declaration : http;
                var used = $"the {winner.Source}'s {Show(winner.Label)} was used";
                if (named.CodePage == CharsetLabels.Utf8.CodePage)
                {
                    return $"{says} the document is not valid UTF-8; {used}.";
                }
                return CharsetLabels.IsWide(named)
                    ? $"{says} {notWide}; {used}."
                    : $"{says} the {winner.Source} says {Show(winner.Label)}; {used}.";
            default:
                var problem = CharsetLabels.IsWide(named) ? notWide : "the document is not valid UTF-8";
                return $"{says} {problem}; {HowDetected(chosen, reason)}.";
        }
    }

    private static string HowDetected(Encoding chosen, Reason reason) => reason == Reason.Sniffed
        ? $"read as {CharsetLabels.NameOf(chosen)}, as detected from the bytes"
        : $"read as {CharsetLabels.NameOf(chosen)}, as no encoding could be detected from the bytes";

    /// <summary>A label as quoted in a warning: printable ASCII only (it comes from untrusted bytes), and short.</summary>
    private static string Show(ReadOnlySpan<char> label)
    {
        const int MaxShown = 40;
        label = label.Trim();
        var cut = label.Length > MaxShown;
        Span<char> shown = stackalloc char[MaxShown + 1];
        var length = Math.Min(label.Length, MaxShown);
        for (var i = 0; i < length; i++)
        {
            shown[i] = label[i] is >= ' ' and <= '~' ? label[i] : '?';
        }
        if (cut)
        {
            shown[length++] = '…';
        }
        return new string(shown[..length]);
    }

    private static bool IsLegacy([NotNullWhen(true)] Encoding? encoding) =>
        encoding is not null && encoding.CodePage != CharsetLabels.Utf8.CodePage && !CharsetLabels.IsWide(encoding);

    private static int ReadByteOrderMark(ReadOnlySpan<byte> document, out Encoding encoding)
    {
        // UTF-32LE before UTF-16LE: its BOM starts with UTF-16LE's, and no feed starts with U+0000.
        (encoding, var length) = document switch
        {
            _ when document.StartsWith(Utf8Bom) => (CharsetLabels.Utf8, Utf8Bom.Length),
            _ when document.StartsWith(Utf32LittleEndianBom) => (CharsetLabels.Utf32LittleEndian, Utf32LittleEndianBom.Length),
            _ when document.StartsWith(Utf32BigEndianBom) => (CharsetLabels.Utf32BigEndian, Utf32BigEndianBom.Length),
            _ when document.StartsWith(Utf16LittleEndianBom) => (CharsetLabels.Utf16LittleEndian, Utf16LittleEndianBom.Length),
            _ when document.StartsWith(Utf16BigEndianBom) => (CharsetLabels.Utf16BigEndian, Utf16BigEndianBom.Length),
            _ => (CharsetLabels.Utf8, 0),
        };
        return length;
    }

    /// <summary>
    /// UTF-16/32 without a BOM, told by where the nulls fall in the first ASCII characters (<c>&lt;?</c>, <c>&lt;r</c>, <c>{</c>).
    /// </summary>
    private static bool TryReadWideWithoutBom(ReadOnlySpan<byte> document, out Encoding encoding)
    {
        encoding = CharsetLabels.Utf8;
        if (document.Length < 4)
        {
            return false;
        }
        var (b0, b1, b2, b3) = (document[0], document[1], document[2], document[3]);
        if (b0 == 0 && b1 == 0 && b2 == 0 && IsAsciiCharacter(b3))
        {
            encoding = CharsetLabels.Utf32BigEndian;
        }
        else if (IsAsciiCharacter(b0) && b1 == 0 && b2 == 0 && b3 == 0)
        {
            encoding = CharsetLabels.Utf32LittleEndian;
        }
        else if (b0 == 0 && IsAsciiCharacter(b1) && b2 == 0 && IsAsciiCharacter(b3))
        {
            encoding = CharsetLabels.Utf16BigEndian;
        }
        else if (IsAsciiCharacter(b0) && b1 == 0 && IsAsciiCharacter(b2) && b3 == 0)
        {
            encoding = CharsetLabels.Utf16LittleEndian;
        }
        return encoding != CharsetLabels.Utf8;
    }

    private static bool IsAsciiCharacter(byte b) => b is > 0 and < 0x80;

    /// <summary>The declaration's label of a UTF-16/32 document, read through an ASCII projection of its first code units.</summary>
    private static ReadOnlySpan<char> WideDeclaredLabel(ReadOnlySpan<byte> document, Encoding wide, Span<char> buffer)
    {
        var unitSize = CharsetLabels.UnitSize(wide);
        var bigEndian = CharsetLabels.IsBigEndian(wide);
        Span<byte> ascii = stackalloc byte[WideDeclarationWindow];
        var count = Math.Min(WideDeclarationWindow, document.Length / unitSize);
        for (var i = 0; i < count; i++)
        {
            var unit = document.Slice(i * unitSize, unitSize);
            var value = (unitSize, bigEndian) switch
            {
                (2, false) => BinaryPrimitives.ReadUInt16LittleEndian(unit),
                (2, true) => BinaryPrimitives.ReadUInt16BigEndian(unit),
                (_, false) => BinaryPrimitives.ReadUInt32LittleEndian(unit),
                (_, true) => BinaryPrimitives.ReadUInt32BigEndian(unit),
            };
            ascii[i] = value < 0x80 ? (byte)value : (byte)'?';
        }
        return DeclaredLabel(ascii[..count], buffer);
    }

    /// <summary>
    /// The encoding label of the XML declaration in the first KiB of an ASCII-compatible document, widened into
    /// <paramref name="buffer"/>; empty when there is no declaration or it names no encoding.
    /// </summary>
    private static ReadOnlySpan<char> DeclaredLabel(scoped ReadOnlySpan<byte> text, Span<char> buffer)
    {
        var window = text[..Math.Min(text.Length, DeclarationWindow)];
        var start = XmlDeclarationStart(window);
        if (start < 0)
        {
            return default;
        }
        var declaration = window[(start + "<?xml".Length)..];
        var end = declaration.IndexOf("?>"u8);
        if (end < 0)
        {
            end = declaration.IndexOf((byte)'>');
        }
        if (end >= 0)
        {
            declaration = declaration[..end];
        }
        var attribute = declaration.IndexOf("encoding"u8);
        if (attribute < 0)
        {
            return default;
        }
        var rest = declaration[(attribute + "encoding".Length)..].TrimStart(XmlWhitespace);
        if (rest.IsEmpty || rest[0] != '=')
        {
            return default;
        }
        rest = rest[1..].TrimStart(XmlWhitespace);
        scoped ReadOnlySpan<byte> value;
        if (!rest.IsEmpty && rest[0] is (byte)'"' or (byte)'\'')
        {
            var quote = rest[0];
            rest = rest[1..];
            var close = rest.IndexOf(quote);
            value = close >= 0 ? rest[..close] : rest;
        }
        else
        {
            var stop = rest.IndexOfAny(UnquotedLabelEnd);
            value = stop >= 0 ? rest[..stop] : rest;
        }
        value = value[..Math.Min(value.Length, buffer.Length)];
        // Latin-1 widening keeps junk bytes visible (and harmless) in the warning that an unknown label produces.
        var written = Encoding.Latin1.GetChars(value, buffer);
        return buffer[..written];
    }

    /// <summary>Where <c>&lt;?xml</c> starts as a declaration (not <c>&lt;?xml-stylesheet</c>), or -1.</summary>
    private static int XmlDeclarationStart(ReadOnlySpan<byte> window)
    {
        var offset = 0;
        while (true)
        {
            var found = window[offset..].IndexOf("<?xml"u8);
            if (found < 0)
            {
                return -1;
            }
            var start = offset + found;
            var next = start + "<?xml".Length;
            if (next == window.Length || XmlWhitespace.Contains(window[next]) || window[next] == '?')
            {
                return start;
            }
            offset = next;
        }
    }

    /// <summary>The charset parameter of a Content-Type value, trimmed and unquoted; empty when absent.</summary>
    private static ReadOnlySpan<char> CharsetSpan(string? contentType)
    {
        var rest = contentType.AsSpan();
        while (true)
        {
            var semicolon = rest.IndexOf(';');
            if (semicolon < 0)
            {
                return default;
            }
            rest = rest[(semicolon + 1)..];
            var equals = rest.IndexOfAny('=', ';');
            if (equals < 0)
            {
                return default;
            }
            if (rest[equals] == ';')
            {
                rest = rest[equals..];
                continue;
            }
            var name = rest[..equals].Trim();
            rest = rest[(equals + 1)..].TrimStart();
            ReadOnlySpan<char> value;
            if (rest.StartsWith('"'))
            {
                rest = rest[1..];
                var close = rest.IndexOf('"');
                value = close >= 0 ? rest[..close] : rest;
                rest = close >= 0 ? rest[(close + 1)..] : default;
            }
            else
            {
                var end = rest.IndexOf(';');
                value = end >= 0 ? rest[..end] : rest;
                rest = end >= 0 ? rest[end..] : default;
            }
            if (name.Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                return value.Trim();
            }
        }
    }

    /// <summary>
    /// The number of invalid sequences in text that is not valid UTF-8 when valid multi-byte sequences outnumber them
    /// <see cref="MostlyUtf8Ratio"/> to 1, else 0.
    /// </summary>
    private static int MostlyUtf8InvalidSequences(ReadOnlySpan<byte> text)
    {
        var (valid, invalid) = (0, 0);
        for (var next = text.IndexOfAnyExceptInRange((byte)0, (byte)0x7F); next >= 0; next = text.IndexOfAnyExceptInRange((byte)0, (byte)0x7F))
        {
            var status = Rune.DecodeFromUtf8(text[next..], out _, out var consumed);
            if (status == OperationStatus.Done)
            {
                valid++;
            }
            else
            {
                invalid++;
            }
            text = text[(next + consumed)..];
        }
        return invalid > 0 && valid >= MostlyUtf8Ratio * invalid ? invalid : 0;
    }

    /// <summary>
    /// Asks Mozilla's detector about the text around the first non-ASCII byte: leading ASCII markup tells it nothing.
    /// Only legacy answers count, since the bytes are already known not to be UTF-8 or UTF-16/32.
    /// </summary>
    private static Encoding? Sniff(ReadOnlySpan<byte> document, int firstNonAscii)
    {
        var sample = document[Math.Max(0, firstNonAscii - DeclarationWindow)..];
        sample = sample[..Math.Min(sample.Length, SniffWindow)];
        Encoding? best = null;
        var bestConfidence = SniffConfidence;
        foreach (var detail in CharsetDetector.DetectFromBytes(sample).Details)
        {
            if (detail.Confidence <= bestConfidence || detail.EncodingName is null)
            {
                continue;
            }
            var encoding = CharsetLabels.Find(detail.EncodingName);
            if (IsLegacy(encoding))
            {
                (best, bestConfidence) = (encoding, detail.Confidence);
            }
        }
        return best;
    }

    /// <summary>What one source (the HTTP header or the XML declaration) says the encoding is.</summary>
    private readonly ref struct Claim(string source, ReadOnlySpan<char> label)
    {
        public string Source { get; } = source;

        public ReadOnlySpan<char> Label { get; } = label;

        /// <summary>The encoding the label names, or null when it is absent or unknown.</summary>
        public Encoding? Encoding { get; } = label.IsEmpty ? null : CharsetLabels.Find(label);

        public bool IsPresent => !Label.IsEmpty;
    }
}
