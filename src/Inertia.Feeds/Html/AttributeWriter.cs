namespace Inertia.Feeds.Html;

/// <summary>
/// Writes the attributes a kept element may keep, each value decoded, checked against what that attribute can
/// mean (a URL, a number, a keyword…) and re-escaped in double quotes. Of duplicate attributes the first wins,
/// as in HTML, even when its value is then rejected.
/// </summary>
internal sealed class AttributeWriter
{
    private readonly CharBuffer _decoded = new(256);
    private readonly CharBuffer _url = new(256);

    /// <summary>Writes the kept attributes of the current start tag; returns those written.</summary>
    public AttributeNames Write(ref HtmlTokenizer tokenizer, HtmlElement element, Uri? baseUri, CharBuffer output)
    {
        var seen = AttributeNames.None;
        var written = AttributeNames.None;
        for (var i = 0; i < tokenizer.AttributeCount; i++)
        {
            var name = tokenizer.AttributeName(i);
            var attribute = HtmlAttributes.Find(name);
            if ((attribute & element.Attributes) == 0 || (attribute & seen) != 0)
            {
                continue;
            }
            seen |= attribute;
            var mark = output.Length;
            output.Append(' ');
            output.Append(name);
            if (WriteValue(attribute, element, Decode(tokenizer.AttributeValue(i)), baseUri, output))
            {
                written |= attribute;
            }
            else
            {
                output.Length = mark;
            }
        }
        return written;
    }

    private ReadOnlySpan<char> Decode(ReadOnlySpan<char> raw)
    {
        if (!raw.Contains('&'))
        {
            return raw;
        }
        _decoded.Length = 0;
        CharacterReferences.Decode(raw, inAttribute: true, _decoded);
        return _decoded.AsSpan();
    }

    /// <summary>Writes <c>="value"</c> (nothing for a boolean attribute); false when the value is not acceptable.</summary>
    private bool WriteValue(AttributeNames attribute, HtmlElement element, ReadOnlySpan<char> value, Uri? baseUri, CharBuffer output)
    {
        switch (attribute)
        {
            case AttributeNames.Reversed or AttributeNames.Loop or AttributeNames.Muted or AttributeNames.PlaysInline
                or AttributeNames.Default or AttributeNames.AllowFullscreen or AttributeNames.Open:
                return true;
        }
        output.Append("=\"");
        var ok = attribute switch
        {
            AttributeNames.Href or AttributeNames.Src or AttributeNames.Poster or AttributeNames.Cite or AttributeNames.Srcset =>
                AppendUrl(attribute, element, value, baseUri, output),
            AttributeNames.Style => SafeStyle.TryAppend(value, output),
            AttributeNames.Class => AppendHighlightingClasses(value, output),
            AttributeNames.Lang or AttributeNames.SrcLang => AppendLanguageTag(value, output),
            AttributeNames.Dir => AppendKeyword(value, output, "ltr", "rtl", "auto"),
            AttributeNames.Scope => AppendKeyword(value, output, "row", "col", "rowgroup", "colgroup"),
            AttributeNames.Align => AppendKeyword(value, output, "left", "center", "right", "justify", "char"),
            AttributeNames.Kind => AppendKeyword(value, output, "subtitles", "captions", "descriptions", "chapters", "metadata"),
            AttributeNames.Type when element == HtmlElements.Ol => AppendListType(value, output),
            AttributeNames.Width or AttributeNames.Height => AppendNumber(value, output, maxDigits: 5, allowSign: false, allowPercent: true),
            AttributeNames.ColSpan or AttributeNames.RowSpan or AttributeNames.Span => AppendNumber(value, output, maxDigits: 4, allowSign: false, allowPercent: false),
            AttributeNames.Start or AttributeNames.Value => AppendNumber(value, output, maxDigits: 9, allowSign: true, allowPercent: false),
            _ => AppendText(value, output),
        };
        output.Append('"');
        return ok;
    }

    /// <summary>URLs are checked as decoded text, then escaped like any attribute value (they may hold "&amp;" or quotes).</summary>
    private bool AppendUrl(AttributeNames attribute, HtmlElement element, ReadOnlySpan<char> value, Uri? baseUri, CharBuffer output)
    {
        _url.Length = 0;
        var ok = attribute switch
        {
            AttributeNames.Srcset => SafeSrcset.TryAppend(value, baseUri, _url),
            AttributeNames.Href => SafeUrls.TryAppend(value, UrlUse.Link, baseUri, _url),
            AttributeNames.Src when element == HtmlElements.Iframe => EmbedHosts.TryAppend(value, baseUri, _url),
            AttributeNames.Src when element == HtmlElements.Img => SafeUrls.TryAppend(value, UrlUse.Image, baseUri, _url),
            _ => SafeUrls.TryAppend(value, UrlUse.Resource, baseUri, _url),
        };
        HtmlEscaper.WriteAttributeValue(_url.AsSpan(), output);
        return ok;
    }

    private static bool AppendText(ReadOnlySpan<char> value, CharBuffer output)
    {
        HtmlEscaper.WriteAttributeValue(value, output);
        return true;
    }

    /// <summary>Classes on code and pre survive only for syntax highlighting: language-*, lang-* and hljs*.</summary>
    private static bool AppendHighlightingClasses(ReadOnlySpan<char> value, CharBuffer output)
    {
        var start = output.Length;
        foreach (var range in value.SplitAny(" \t\n\r\f"))
        {
            var token = value[range];
            if (IsHighlightingClass(token))
            {
                if (output.Length > start)
                {
                    output.Append(' ');
                }
                output.Append(token);
            }
        }
        return output.Length > start;
    }

    private static bool IsHighlightingClass(ReadOnlySpan<char> token)
    {
        if (token.Length > 64
            || !(token.StartsWith("language-", StringComparison.Ordinal) || token.StartsWith("lang-", StringComparison.Ordinal) || token.StartsWith("hljs", StringComparison.Ordinal)))
        {
            return false;
        }
        foreach (var c in token)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '+' or '#' or '.'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A BCP 47 tag's characters only (letters, digits, hyphens), at most 35 of them.</summary>
    private static bool AppendLanguageTag(ReadOnlySpan<char> value, CharBuffer output)
    {
        var tag = value.Trim(" \t\n\r\f");
        if (tag.IsEmpty || tag.Length > 35)
        {
            return false;
        }
        foreach (var c in tag)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }
        output.Append(tag);
        return true;
    }

    private static bool AppendKeyword(ReadOnlySpan<char> value, CharBuffer output, params ReadOnlySpan<string> keywords)
    {
        var trimmed = value.Trim(" \t\n\r\f");
        foreach (var keyword in keywords)
        {
            if (trimmed.Equals(keyword, StringComparison.OrdinalIgnoreCase))
            {
                output.Append(keyword);
                return true;
            }
        }
        return false;
    }

    /// <summary>An ordered list's marker type is case-sensitive: "a" and "A" differ.</summary>
    private static bool AppendListType(ReadOnlySpan<char> value, CharBuffer output)
    {
        var trimmed = value.Trim(" \t\n\r\f");
        if (trimmed.Length != 1 || trimmed[0] is not ('1' or 'a' or 'A' or 'i' or 'I'))
        {
            return false;
        }
        output.Append(trimmed[0]);
        return true;
    }

    private static bool AppendNumber(ReadOnlySpan<char> value, CharBuffer output, int maxDigits, bool allowSign, bool allowPercent)
    {
        var number = value.Trim(" \t\n\r\f");
        var digits = number;
        if (allowSign && digits.StartsWith('-'))
        {
            digits = digits[1..];
        }
        if (allowPercent && digits.EndsWith('%'))
        {
            digits = digits[..^1];
        }
        if (digits.IsEmpty || digits.Length > maxDigits || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }
        output.Append(number);
        return true;
    }
}
