using System.Buffers;

namespace Inertia.Feeds.Html;

/// <summary>
/// Splits HTML into text and tags the way an HTML5 tokenizer does wherever it decides what is markup: tag and
/// attribute syntax (unquoted, single-quoted and valueless attributes, "/" between attributes, a tag cut off by the
/// end of input is dropped), comments (including <c>&lt;!--&gt;</c> and <c>--!&gt;</c>), bogus comments (doctypes,
/// CDATA and processing instructions in HTML content), and the raw-text elements whose content is never markup.
/// It allocates nothing: names are lowercased into a caller-owned buffer, everything else is a range of the source.
/// </summary>
internal ref struct HtmlTokenizer
{
    /// <summary>Names are cut to this length; every name the sanitizer acts on is shorter, so a cut name matches none.</summary>
    public const int MaxNameLength = 32;

    /// <summary>Attributes of one tag beyond this many are read past and ignored.</summary>
    public const int MaxAttributes = 64;

    /// <summary>The size of the name buffer the caller provides.</summary>
    public const int NameBufferLength = (MaxAttributes + 1) * MaxNameLength;

    private static readonly SearchValues<char> TagNameEnd = SearchValues.Create("\t\n\f\r />");
    private static readonly SearchValues<char> AttributeNameEnd = SearchValues.Create("\t\n\f\r />=");
    private static readonly SearchValues<char> UnquotedValueEnd = SearchValues.Create("\t\n\f\r >");

    private readonly ReadOnlySpan<char> _source;
    private readonly char[] _names;
    private readonly HtmlAttributeRange[] _attributes;
    private int _position;
    private string? _rawTextElement;
    private int _textStart;
    private int _textLength;
    private int _nameLength;
    private int _namesUsed;

    public HtmlTokenizer(ReadOnlySpan<char> source, char[] names, HtmlAttributeRange[] attributes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(names.Length, NameBufferLength);
        ArgumentOutOfRangeException.ThrowIfLessThan(attributes.Length, MaxAttributes);
        _source = source;
        _names = names;
        _attributes = attributes;
    }

    public HtmlTokenKind Kind { get; private set; }

    /// <summary>The raw characters of a text or raw-text token.</summary>
    public readonly ReadOnlySpan<char> Text => _source.Slice(_textStart, _textLength);

    /// <summary>The lowercased name of a start or end tag.</summary>
    public readonly ReadOnlySpan<char> TagName => _names.AsSpan(0, _nameLength);

    /// <summary>Whether a start tag ended with "/&gt;" (meaningful only for foreign elements such as svg).</summary>
    public bool SelfClosing { get; private set; }

    /// <summary>The number of attributes of a start tag (end tags report none).</summary>
    public int AttributeCount { get; private set; }

    public readonly ReadOnlySpan<char> AttributeName(int index)
    {
        var range = _attributes[index];
        return _names.AsSpan(range.NameStart, range.NameLength);
    }

    /// <summary>The raw value of an attribute, character references not yet decoded; empty when it has none.</summary>
    public readonly ReadOnlySpan<char> AttributeValue(int index)
    {
        var range = _attributes[index];
        return _source.Slice(range.ValueStart, range.ValueLength);
    }

    /// <summary>Moves to the next token; false at the end of the input.</summary>
    public bool Read()
    {
        if (_rawTextElement is not null)
        {
            ReadRawText(_rawTextElement);
            return true;
        }
        while (_position < _source.Length)
        {
            var rest = _source[_position..];
            if (rest[0] != '<')
            {
                var next = rest.IndexOf('<');
                EmitText(next < 0 ? rest.Length : next);
                return true;
            }
            switch (ReadMarkup())
            {
                case Markup.Tag:
                    return true;
                case Markup.LiteralLessThan:
                    var following = rest[1..].IndexOf('<');
                    EmitText(following < 0 ? rest.Length : following + 1);
                    return true;
            }
        }
        return false;
    }

    private enum Markup
    {
        Tag,
        Skipped,
        LiteralLessThan,
    }

    private void EmitText(int length)
    {
        Kind = HtmlTokenKind.Text;
        _textStart = _position;
        _textLength = length;
        _position += length;
    }

    private Markup ReadMarkup()
    {
        var source = _source;
        var next = _position + 1;
        if (next >= source.Length)
        {
            return Markup.LiteralLessThan;
        }
        var c = source[next];
        if (char.IsAsciiLetter(c))
        {
            return ReadTag(next, isEndTag: false);
        }
        switch (c)
        {
            case '/':
                if (next + 1 >= source.Length)
                {
                    return Markup.LiteralLessThan;
                }
                var d = source[next + 1];
                if (char.IsAsciiLetter(d))
                {
                    return ReadTag(next + 1, isEndTag: true);
                }
                if (d == '>')
                {
                    _position = next + 2;
                    return Markup.Skipped;
                }
                SkipBogusComment(next + 1);
                return Markup.Skipped;
            case '!':
                if (source[(next + 1)..].StartsWith("--", StringComparison.Ordinal))
                {
                    SkipComment(next + 3);
                }
                else
                {
                    // Doctypes, CDATA sections (outside svg and math) and anything else end at the first '>'.
                    SkipBogusComment(next + 1);
                }
                return Markup.Skipped;
            case '?':
                SkipBogusComment(next);
                return Markup.Skipped;
            default:
                return Markup.LiteralLessThan;
        }
    }

    private void SkipBogusComment(int from)
    {
        var end = _source[from..].IndexOf('>');
        _position = end < 0 ? _source.Length : from + end + 1;
    }

    /// <summary>Skips a comment whose body starts at <paramref name="from"/>: it ends at "--&gt;" or "--!&gt;", or is "&lt;!--&gt;"/"&lt;!---&gt;".</summary>
    private void SkipComment(int from)
    {
        var source = _source;
        var body = source[from..];
        if (body.StartsWith('>'))
        {
            _position = from + 1;
            return;
        }
        if (body.StartsWith("->", StringComparison.Ordinal))
        {
            _position = from + 2;
            return;
        }
        var offset = from;
        while (true)
        {
            var dashes = source[offset..].IndexOf("--", StringComparison.Ordinal);
            if (dashes < 0)
            {
                _position = source.Length;
                return;
            }
            var after = offset + dashes + 2;
            var tail = source[after..];
            if (tail.StartsWith('>'))
            {
                _position = after + 1;
                return;
            }
            if (tail.StartsWith("!>", StringComparison.Ordinal))
            {
                _position = after + 2;
                return;
            }
            offset += dashes + 1;
        }
    }

    private Markup ReadTag(int nameStart, bool isEndTag)
    {
        var source = _source;
        var nameEnd = source[nameStart..].IndexOfAny(TagNameEnd);
        if (nameEnd < 0)
        {
            return DropTruncatedTag();
        }
        _nameLength = CopyName(source.Slice(nameStart, nameEnd), 0);
        _namesUsed = MaxNameLength;
        AttributeCount = 0;
        SelfClosing = false;

        var i = nameStart + nameEnd;
        while (true)
        {
            i = SkipWhitespace(i);
            if (i >= source.Length)
            {
                return DropTruncatedTag();
            }
            var c = source[i];
            if (c == '>')
            {
                i++;
                break;
            }
            if (c == '/')
            {
                if (i + 1 < source.Length && source[i + 1] == '>')
                {
                    SelfClosing = true;
                    i += 2;
                    break;
                }
                i++;
                continue;
            }

            // The first character of a name may be '=' (a parse error HTML keeps as part of the name).
            var attributeNameStart = i;
            var attributeNameEnd = source[(i + 1)..].IndexOfAny(AttributeNameEnd);
            if (attributeNameEnd < 0)
            {
                return DropTruncatedTag();
            }
            i += attributeNameEnd + 1;
            var name = source[attributeNameStart..i];

            i = SkipWhitespace(i);
            if (i >= source.Length)
            {
                return DropTruncatedTag();
            }
            var valueStart = 0;
            var valueLength = 0;
            var endsTag = false;
            if (source[i] == '=')
            {
                i = SkipWhitespace(i + 1);
                if (i >= source.Length)
                {
                    return DropTruncatedTag();
                }
                var quote = source[i];
                if (quote is '"' or '\'')
                {
                    var close = source[(i + 1)..].IndexOf(quote);
                    if (close < 0)
                    {
                        return DropTruncatedTag();
                    }
                    valueStart = i + 1;
                    valueLength = close;
                    i = valueStart + close + 1;
                }
                else if (quote == '>')
                {
                    endsTag = true;
                    i++;
                }
                else
                {
                    var end = source[i..].IndexOfAny(UnquotedValueEnd);
                    if (end < 0)
                    {
                        return DropTruncatedTag();
                    }
                    valueStart = i;
                    valueLength = end;
                    i += end;
                }
            }
            if (!isEndTag)
            {
                AddAttribute(name, valueStart, valueLength);
            }
            if (endsTag)
            {
                break;
            }
        }

        _position = i;
        if (isEndTag)
        {
            Kind = HtmlTokenKind.EndTag;
            AttributeCount = 0;
        }
        else
        {
            Kind = HtmlTokenKind.StartTag;
            _rawTextElement = RawTextElement(TagName);
        }
        return Markup.Tag;
    }

    /// <summary>A tag cut off by the end of the input is dropped together with what is left, as HTML5 does.</summary>
    private Markup DropTruncatedTag()
    {
        _position = _source.Length;
        return Markup.Skipped;
    }

    private void AddAttribute(ReadOnlySpan<char> name, int valueStart, int valueLength)
    {
        if (AttributeCount == MaxAttributes)
        {
            return;
        }
        var nameStart = _namesUsed;
        var nameLength = CopyName(name, nameStart);
        _namesUsed += nameLength;
        _attributes[AttributeCount++] = new HtmlAttributeRange(nameStart, nameLength, valueStart, valueLength);
    }

    private readonly int CopyName(ReadOnlySpan<char> name, int at)
    {
        var length = Math.Min(name.Length, MaxNameLength);
        var target = _names.AsSpan(at, length);
        for (var k = 0; k < length; k++)
        {
            var c = name[k];
            target[k] = c switch
            {
                >= 'A' and <= 'Z' => (char)(c | 0x20),
                '\0' => '\uFFFD',
                _ => c,
            };
        }
        return length;
    }

    private readonly int SkipWhitespace(int i)
    {
        var source = _source;
        while (i < source.Length && IsWhitespace(source[i]))
        {
            i++;
        }
        return i;
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\n' or '\t' or '\r' or '\f';

    /// <summary>Reads the content of a raw-text element up to its end tag ("&lt;/name" then whitespace, "/" or "&gt;"), or to the end.</summary>
    private void ReadRawText(string element)
    {
        _rawTextElement = null;
        var source = _source;
        var start = _position;
        var end = source.Length;
        if (element != "plaintext")
        {
            var from = start;
            while (true)
            {
                var at = source[from..].IndexOf("</", StringComparison.Ordinal);
                if (at < 0)
                {
                    break;
                }
                at += from;
                var afterName = at + 2 + element.Length;
                if (afterName < source.Length
                    && source.Slice(at + 2, element.Length).Equals(element, StringComparison.OrdinalIgnoreCase)
                    && (IsWhitespace(source[afterName]) || source[afterName] is '/' or '>'))
                {
                    end = at;
                    break;
                }
                from = at + 2;
            }
        }
        Kind = HtmlTokenKind.RawText;
        _textStart = start;
        _textLength = end - start;
        _position = end;
    }

    /// <summary>The elements whose content HTML reads as text up to their end tag (plaintext: to the end of the input).</summary>
    private static string? RawTextElement(ReadOnlySpan<char> name) => name switch
    {
        "script" => "script",
        "style" => "style",
        "xmp" => "xmp",
        "iframe" => "iframe",
        "noembed" => "noembed",
        "noframes" => "noframes",
        "noscript" => "noscript",
        "textarea" => "textarea",
        "title" => "title",
        "plaintext" => "plaintext",
        _ => null,
    };
}
