using System.Buffers;
using System.Text;
using Inertia.Feeds.Text;

namespace Inertia.Feeds.Xml;

/// <summary>
/// The decoded text of a leniently read document, the elements found in it, and the one place where
/// element content becomes strings: character references are decoded here, HTML entities that XML does
/// not know are understood, characters XML forbids are dropped, and DTD entities are expanded within bounds.
/// </summary>
internal sealed class XmlSource : IDisposable
{
    private readonly char[] _buffer;
    private readonly int _length;
    private readonly StringBuilder _builder = new();
    private int[]? _lineStarts;

    public XmlSource(char[] buffer, int length, Warnings warnings)
    {
        _buffer = buffer;
        _length = length;
        Warnings = warnings;
        warnings.UsePositions(Locate);
    }

    public ReadOnlySpan<char> Text => _buffer.AsSpan(0, _length);

    public Warnings Warnings { get; }

    public DtdEntities? Entities { get; set; }

    /// <summary>Where the document was fetched from: the outermost base for <c>xml:base</c>.</summary>
    public Uri? DocumentUri { get; init; }

    /// <summary>Elements that are not inside another element, in document order (normally just the root).</summary>
    public List<Element> TopLevel { get; } = [];

    /// <summary>The element's text: all character data inside it, references decoded, tags left out. Null when empty.</summary>
    public string? TextOf(Element element)
    {
        var content = Content(element);
        if (content.IsEmpty)
        {
            return null;
        }
        if (!element.HasChildElements && !element.HasNonTextNodes)
        {
            return DecodeToString(content, element.ContentStart);
        }
        if (!element.HasChildElements && TrySingleCData(content, out var cdata))
        {
            content.Overlaps(cdata, out var cdataStart);
            return cdata.ContainsAny(XmlLexing.TextSpecials) ? RemoveForbidden(cdata, element.ContentStart + cdataStart) : cdata.ToString();
        }
        _builder.Clear();
        AppendContent(content, element.ContentStart, asMarkup: false);
        return _builder.Length == 0 ? null : _builder.ToString();
    }

    /// <summary>
    /// The element's content as HTML source: for text-only content (escaped or CDATA-wrapped HTML, the usual
    /// way feeds carry HTML) the decoded text; for content with child elements (XHTML, or HTML a feed put in
    /// unescaped) the markup as written, with CDATA unwrapped, comments dropped and XHTML prefixes removed.
    /// </summary>
    public string? MarkupOf(Element element)
    {
        if (!element.HasChildElements)
        {
            return TextOf(element);
        }
        _builder.Clear();
        AppendContent(Content(element), element.ContentStart, asMarkup: true);
        return _builder.Length == 0 ? null : _builder.ToString();
    }

    /// <summary>Decodes an attribute value (references, forbidden characters); line breaks become spaces as XML says.</summary>
    public string DecodeAttribute(ReadOnlySpan<char> value, int offset)
    {
        if (!value.ContainsAny(XmlLexing.TextSpecials) && !value.ContainsAny('\n', '\r', '\t'))
        {
            return value.ToString();
        }
        _builder.Clear();
        AppendDecoded(value, offset);
        _builder.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
        return _builder.ToString();
    }

    /// <summary>Line and column (1-based) of a character offset.</summary>
    public (int Line, int Column) Locate(int offset)
    {
        _lineStarts ??= BuildLineStarts();
        var index = Array.BinarySearch(_lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _lineStarts[line] + 1);
    }

    public FeedParseException Error(FeedParseError error, string message, int offset)
    {
        var (line, column) = Locate(Math.Clamp(offset, 0, _length));
        return new FeedParseException(error, message, line, column);
    }

    public void Dispose() => ArrayPool<char>.Shared.Return(_buffer);

    private ReadOnlySpan<char> Content(Element element) =>
        _buffer.AsSpan(element.ContentStart, Math.Max(0, element.ContentEnd - element.ContentStart));

    private int[] BuildLineStarts()
    {
        var starts = new List<int> { 0 };
        var text = Text;
        for (var i = text.IndexOf('\n'); i >= 0;)
        {
            starts.Add(i + 1);
            var next = text[(i + 1)..].IndexOf('\n');
            i = next < 0 ? -1 : i + 1 + next;
        }
        return [.. starts];
    }

    private static bool TrySingleCData(ReadOnlySpan<char> content, out ReadOnlySpan<char> inner)
    {
        var trimmed = content.Trim(" \t\r\n");
        if (trimmed.StartsWith("<![CDATA[") && trimmed.EndsWith("]]>"))
        {
            inner = trimmed[9..^3];
            if (inner.IndexOf("]]>") < 0)
            {
                return true;
            }
        }
        inner = default;
        return false;
    }

    private string DecodeToString(ReadOnlySpan<char> text, int offset)
    {
        if (!text.ContainsAny(XmlLexing.TextSpecials))
        {
            return text.ToString();
        }
        _builder.Clear();
        AppendDecoded(text, offset);
        return _builder.ToString();
    }

    private string RemoveForbidden(ReadOnlySpan<char> text, int offset)
    {
        _builder.Clear();
        AppendAllowed(text, offset);
        return _builder.ToString();
    }

    /// <summary>Appends CDATA as it is, less the characters XML forbids (CDATA may not escape them either).</summary>
    private void AppendAllowed(ReadOnlySpan<char> text, int offset)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (HtmlEntities.IsAllowedInText(c) || char.IsSurrogate(c))
            {
                _builder.Append(c);
            }
            else
            {
                WarnForbidden(c, offset + i);
            }
        }
    }

    private void WarnForbidden(char c, int offset) =>
        Warnings.Add($"a character XML does not allow (U+{(int)c:X4}) was removed", offset);

    /// <summary>
    /// Walks content that may hold CDATA, comments, processing instructions and tags. As text: references
    /// decoded, tags left out. As markup: text and tags as written (for the HTML sanitizer to read), CDATA
    /// unwrapped. Comments and processing instructions are dropped either way. The text between tags is
    /// repaired the same way in both (references decoded, forbidden characters removed, each with its
    /// warning); as markup, what the repairs produce is escaped again so the HTML reader sees the same text.
    /// </summary>
    private void AppendContent(ReadOnlySpan<char> content, int offset, bool asMarkup)
    {
        var i = 0;
        while (i < content.Length)
        {
            var lt = content[i..].IndexOf('<');
            var run = lt < 0 ? content[i..] : content.Slice(i, lt);
            AppendDecoded(run, offset + i, asMarkup);
            if (lt < 0)
            {
                return;
            }
            i += lt;
            var rest = content[i..];
            if (rest.StartsWith("<![CDATA["))
            {
                var end = rest.IndexOf("]]>");
                AppendAllowed(end < 0 ? rest[9..] : rest[9..end], offset + i + 9);
                i += end < 0 ? rest.Length : end + 3;
            }
            else if (rest.StartsWith("<!--"))
            {
                var end = rest.IndexOf("-->");
                i += end < 0 ? rest.Length : end + 3;
            }
            else if (rest.StartsWith("<?"))
            {
                var end = rest.IndexOf("?>");
                i += end < 0 ? rest.Length : end + 2;
            }
            else if (asMarkup)
            {
                i += AppendTag(rest);
            }
            else if (XmlLexing.StartsMarkup(content, i))
            {
                var end = XmlLexing.FindTagEnd(content, i + 1);
                i = end < 0 ? content.Length : end + 1;
            }
            else
            {
                _builder.Append('<');
                i++;
            }
        }
    }

    /// <summary>Appends a tag of mixed content as written, without an XHTML namespace prefix.</summary>
    private int AppendTag(ReadOnlySpan<char> rest)
    {
        if (!XmlLexing.StartsMarkup(rest, 0))
        {
            _builder.Append('<');
            return 1;
        }
        var end = XmlLexing.FindTagEnd(rest, 1);
        var tag = end < 0 ? rest : rest[..(end + 1)];
        var nameStart = tag[1] == '/' ? 2 : 1;
        var nameEnd = tag[nameStart..].IndexOfAny(XmlLexing.NameEnd);
        var name = nameEnd < 0 ? tag[nameStart..] : tag.Slice(nameStart, nameEnd);
        var colon = name.IndexOf(':');
        if (colon > 0 && IsXhtmlPrefix(name[..colon]))
        {
            _builder.Append(tag[..nameStart]).Append(tag[(nameStart + colon + 1)..]);
        }
        else
        {
            _builder.Append(tag);
        }
        return tag.Length;
    }

    private static bool IsXhtmlPrefix(ReadOnlySpan<char> prefix) => prefix is "xhtml" or "html" or "h";

    /// <summary>
    /// Appends text that holds no markup, decoding references and dropping forbidden characters; with
    /// <paramref name="escape"/>, what a reference decodes to is escaped for HTML.
    /// </summary>
    private void AppendDecoded(ReadOnlySpan<char> text, int offset, bool escape = false)
    {
        var i = 0;
        while (i < text.Length)
        {
            var k = text[i..].IndexOfAny(XmlLexing.TextSpecials);
            if (k < 0)
            {
                _builder.Append(text[i..]);
                return;
            }
            _builder.Append(text.Slice(i, k));
            i += k;
            if (text[i] == '&')
            {
                var decodedStart = _builder.Length;
                i += AppendReference(text[i..], offset + i);
                if (escape)
                {
                    EscapeFrom(decodedStart);
                }
            }
            else
            {
                WarnForbidden(text[i], offset + i);
                i++;
            }
        }
    }

    /// <summary>Escapes the characters HTML would read as markup in what was appended from <paramref name="start"/> on.</summary>
    private void EscapeFrom(int start)
    {
        for (var j = start; j < _builder.Length; j++)
        {
            var escaped = _builder[j] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => null,
            };
            if (escaped is not null)
            {
                _builder.Remove(j, 1).Insert(j, escaped);
                j += escaped.Length - 1;
            }
        }
    }

    /// <summary>Decodes the reference at the start of <paramref name="text"/> ('&amp;' first) and returns how many characters it used.</summary>
    private int AppendReference(ReadOnlySpan<char> text, int offset)
    {
        var window = text[..Math.Min(text.Length, HtmlEntities.MaxNameLength + 3)];
        var semi = window.IndexOf(';');
        if (window.Length > 1 && window[1] == '#')
        {
            return AppendNumericReference(text, offset);
        }
        if (semi > 1 && IsEntityName(window[1..semi]))
        {
            var name = window[1..semi];
            var predefined = name switch
            {
                "amp" => "&",
                "lt" => "<",
                "gt" => ">",
                "quot" => "\"",
                "apos" => "'",
                _ => null,
            };
            if (predefined is not null)
            {
                _builder.Append(predefined);
                return semi + 1;
            }
            var nameText = name.ToString();
            if (Entities is not null && Entities.IsDeclared(nameText))
            {
                AppendDtdEntity(nameText, offset);
                return semi + 1;
            }
            var html = HtmlEntities.Lookup(name);
            if (html is not null)
            {
                Warnings.Add($"the HTML entity &{nameText}; is not defined in XML; read with its HTML meaning", offset);
                _builder.Append(html);
                return semi + 1;
            }
            Warnings.Add($"unknown entity &{nameText}; kept as text", offset);
            _builder.Append(window[..(semi + 1)]);
            return semi + 1;
        }
        Warnings.Add("an '&' that starts no entity was read as a literal '&' (it should be written &amp;)", offset);
        _builder.Append('&');
        return 1;
    }

    private int AppendNumericReference(ReadOnlySpan<char> text, int offset)
    {
        var hex = text.Length > 2 && text[2] is 'x' or 'X';
        var digitsStart = hex ? 3 : 2;
        var digitsEnd = digitsStart;
        var code = 0;
        while (digitsEnd < text.Length && (hex ? char.IsAsciiHexDigit(text[digitsEnd]) : char.IsAsciiDigit(text[digitsEnd])))
        {
            // Every digit belongs to the reference however many there are; the value stops growing past Unicode.
            code = Math.Min(code * (hex ? 16 : 10) + HexDigitValue(text[digitsEnd]), BeyondUnicode);
            digitsEnd++;
        }
        if (digitsEnd == digitsStart)
        {
            Warnings.Add("an '&' that starts no entity was read as a literal '&' (it should be written &amp;)", offset);
            _builder.Append('&');
            return 1;
        }
        var used = digitsEnd;
        if (digitsEnd < text.Length && text[digitsEnd] == ';')
        {
            used++;
        }
        else
        {
            Warnings.Add("a character reference without its closing ';' was decoded", offset);
        }
        if (HtmlEntities.TryGetNumeric(code, out Rune decoded))
        {
            if (code is >= 0x80 and <= 0x9F)
            {
                Warnings.Add($"the character reference &#{code}; names a C1 control; read as its windows-1252 character, as browsers do", offset);
            }
            Span<char> chars = stackalloc char[2];
            _builder.Append(chars[..decoded.EncodeToUtf16(chars)]);
        }
        else if (code == BeyondUnicode)
        {
            Warnings.Add("a character reference beyond the last Unicode character (U+10FFFF) was removed", offset);
        }
        else
        {
            Warnings.Add($"the character reference to U+{code:X4} names a character XML does not allow; it was removed", offset);
        }
        return used;
    }

    private const int BeyondUnicode = 0x110000;

    private static int HexDigitValue(char digit) => digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10;

    private void AppendDtdEntity(string name, int offset)
    {
        string? value;
        try
        {
            value = Entities!.Expand(name);
        }
        catch (EntityExpansionException e)
        {
            throw Error(FeedParseError.EntityExpansion, "The document's DTD entity " + e.Message, offset);
        }
        if (value is null)
        {
            Warnings.Add($"the external entity &{name}; was not resolved (external entities are never read)", offset);
            return;
        }
        _builder.Append(value);
    }

    private static bool IsEntityName(ReadOnlySpan<char> name)
    {
        if (!XmlLexing.IsNameStartChar(name[0]))
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':' || c >= 0x80))
            {
                return false;
            }
        }
        return true;
    }
}
