using System.Buffers;

namespace Inertia.Feeds.Xml;

/// <summary>
/// Reads XML the way real feeds write it: well-formed documents exactly as XML says, and broken ones by
/// the repairs a browser or feedparser would make, each recorded as a warning. It builds a light element
/// tree; text stays in the source until a reader asks for it (<see cref="XmlSource"/>).
/// </summary>
/// <remarks>
/// Repairs: text or junk before the root (whitespace before <c>&lt;?xml</c>, PHP warnings); several
/// top-level elements; stray '&lt;' and '&amp;' in text; undeclared namespace prefixes (the usual URI for
/// well-known prefixes); unquoted, valueless and duplicate attributes; mismatched end tags (closing what is
/// open inside the matching element, or ignoring an end tag that matches nothing); end tags differing only in
/// case; unclosed HTML void elements such as <c>&lt;br&gt;</c>; unterminated comments, CDATA and tags; and a
/// document that stops in the middle (everything open is closed at the end). No DTD is processed beyond
/// its internal entity declarations, and no external resource is ever read.
/// </remarks>
internal sealed class LenientXmlParser
{
    // HTML's void elements, less <source>, which RSS also uses as an ordinary element.
    private static readonly SearchValues<string> VoidHtmlElements = SearchValues.Create(
        ["br", "hr", "img", "wbr", "input", "area", "col", "embed", "param", "track", "keygen"], StringComparison.Ordinal);

    private readonly XmlSource _source;
    private readonly FeedParserOptions _options;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _nameLookup;
    private readonly List<Binding> _bindings = [];
    private readonly List<XmlAttribute> _attributes = [];
    private readonly List<(int NameStart, int NameLength)> _attributeNames = [];
    private Element? _current;
    private int _depth;

    private LenientXmlParser(XmlSource source, FeedParserOptions options)
    {
        _source = source;
        _options = options;
        _nameLookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private Warnings Warnings => _source.Warnings;

    /// <summary>Reads the decoded document in <paramref name="source"/> and fills its <see cref="XmlSource.TopLevel"/>.</summary>
    public static void Parse(XmlSource source, FeedParserOptions options) => new LenientXmlParser(source, options).Run();

    private void Run()
    {
        var text = _source.Text;
        var i = 0;
        while (i < text.Length)
        {
            var lt = text[i..].IndexOf('<');
            var runEnd = lt < 0 ? text.Length : i + lt;
            if (_current is null && runEnd > i)
            {
                NoteTopLevelText(text[i..runEnd], i);
            }
            if (lt < 0)
            {
                break;
            }
            i = runEnd;
            i = ReadMarkup(text, i);
        }
        CloseAllAtEnd(text.Length);
    }

    private int ReadMarkup(ReadOnlySpan<char> text, int i)
    {
        var rest = text[i..];
        if (rest.Length < 2)
        {
            Warnings.Add("a stray '<' was read as text (it should be written &lt;)", i);
            return text.Length;
        }
        switch (rest[1])
        {
            case '/':
                return ReadEndTag(text, i);
            case '?':
                return ReadProcessingInstruction(text, i);
            case '!':
                return ReadDeclaration(text, i);
            default:
                if (XmlLexing.IsNameStartChar(rest[1]))
                {
                    return ReadStartTag(text, i);
                }
                Warnings.Add("a stray '<' was read as text (it should be written &lt;)", i);
                return i + 1;
        }
    }

    private void NoteTopLevelText(ReadOnlySpan<char> run, int offset)
    {
        var trimmed = run.TrimStart(" \t\r\n\uFEFF");
        if (!trimmed.IsEmpty)
        {
            Warnings.Add(_source.TopLevel.Count == 0
                ? "text before the root element was ignored"
                : "text after the root element was ignored", offset + (run.Length - trimmed.Length));
        }
    }

    private int ReadProcessingInstruction(ReadOnlySpan<char> text, int i)
    {
        var end = text[i..].IndexOf("?>");
        var isXmlDeclaration = text[(i + 2)..].StartsWith("xml") && (i + 5 >= text.Length || XmlLexing.IsWhitespace(text[i + 5]));
        if (isXmlDeclaration && i > 0)
        {
            Warnings.Add(_current is null && _source.TopLevel.Count == 0 && text[..i].Trim("\uFEFF").IsWhiteSpace()
                ? "whitespace before the XML declaration was ignored"
                : "the XML declaration is not at the start of the document", i);
        }
        else if (!isXmlDeclaration && _current is not null)
        {
            _current.HasNonTextNodes = true;
        }
        if (end < 0)
        {
            Warnings.Add("a processing instruction is not terminated by '?>'", i);
            return text.Length;
        }
        return i + end + 2;
    }

    private int ReadDeclaration(ReadOnlySpan<char> text, int i)
    {
        var rest = text[i..];
        if (rest.StartsWith("<!--"))
        {
            if (_current is not null)
            {
                _current.HasNonTextNodes = true;
            }
            var end = rest[4..].IndexOf("-->");
            if (end < 0)
            {
                Warnings.Add("a comment is not terminated by '-->'; the rest of the document was ignored", i);
                return text.Length;
            }
            return i + 4 + end + 3;
        }
        if (rest.StartsWith("<![CDATA["))
        {
            if (_current is null)
            {
                Warnings.Add("a CDATA section outside the root element was ignored", i);
            }
            else
            {
                _current.HasNonTextNodes = true;
            }
            var end = rest[9..].IndexOf("]]>");
            if (end < 0)
            {
                Warnings.Add("a CDATA section is not terminated by ']]>' (the document may be truncated)", i);
                return text.Length;
            }
            return i + 9 + end + 3;
        }
        if (rest.Length >= 9 && rest[2..9].Equals("DOCTYPE", StringComparison.OrdinalIgnoreCase))
        {
            return ReadDoctype(text, i);
        }
        var close = XmlLexing.FindTagEnd(text, i + 2);
        Warnings.Add("an unknown '<!' declaration was ignored", i);
        return close < 0 ? text.Length : close + 1;
    }

    private int ReadDoctype(ReadOnlySpan<char> text, int i)
    {
        var j = i + 9;
        while (j < text.Length && text[j] != '[' && text[j] != '>')
        {
            if (text[j] is '"' or '\'')
            {
                var close = text[(j + 1)..].IndexOf(text[j]);
                j = close < 0 ? text.Length : j + 1 + close;
            }
            j++;
        }
        if (j < text.Length && text[j] == '[')
        {
            var subsetEnd = FindSubsetEnd(text, j + 1);
            if (subsetEnd < 0)
            {
                Warnings.Add("the DOCTYPE's internal subset is not terminated by ']'", i);
                return text.Length;
            }
            _source.Entities = DtdEntities.Parse(text[(j + 1)..subsetEnd], _options.MaxEntityExpansion);
            var close = text[subsetEnd..].IndexOf('>');
            return close < 0 ? text.Length : subsetEnd + close + 1;
        }
        return j < text.Length ? j + 1 : text.Length;
    }

    /// <summary>The ']' that ends an internal subset, skipping quoted literals and comments that may contain one.</summary>
    private static int FindSubsetEnd(ReadOnlySpan<char> text, int j)
    {
        while (j < text.Length)
        {
            var k = text[j..].IndexOfAny("]\"'<");
            if (k < 0)
            {
                return -1;
            }
            j += k;
            switch (text[j])
            {
                case ']':
                    return j;
                case '<' when text[j..].StartsWith("<!--"):
                    var end = text[j..].IndexOf("-->");
                    j = end < 0 ? text.Length : j + end + 3;
                    break;
                case '<':
                    j++;
                    break;
                default:
                    var close = text[(j + 1)..].IndexOf(text[j]);
                    j = close < 0 ? text.Length : j + close + 2;
                    break;
            }
        }
        return -1;
    }

    private int ReadStartTag(ReadOnlySpan<char> text, int i)
    {
        var nameEnd = i + 1;
        while (nameEnd < text.Length && !XmlLexing.NameEnd.Contains(text[nameEnd]))
        {
            nameEnd++;
        }
        var qualifiedName = Intern(text[(i + 1)..nameEnd]);
        var j = ReadAttributes(text, nameEnd, out var selfClosing);
        var element = Open(qualifiedName, i);
        element.ContentStart = j;
        if (!selfClosing && element.Prefix.Length == 0 && VoidHtmlElements.Contains(element.LocalName)
            && !text[j..].TrimStart(" \t\r\n").StartsWith("</" + element.LocalName, StringComparison.Ordinal))
        {
            Warnings.Add($"the HTML element <{element.LocalName}> was not closed; read as empty", i);
            selfClosing = true;
        }
        if (selfClosing)
        {
            Close(element, j);
        }
        return j;
    }

    /// <summary>Reads attributes into <see cref="_attributes"/> and returns the offset after the tag.</summary>
    private int ReadAttributes(ReadOnlySpan<char> text, int j, out bool selfClosing)
    {
        _attributes.Clear();
        _attributeNames.Clear();
        selfClosing = false;
        while (true)
        {
            while (j < text.Length && XmlLexing.IsWhitespace(text[j]))
            {
                j++;
            }
            if (j >= text.Length)
            {
                Warnings.Add("the document ends inside a tag (it is truncated)", j);
                return text.Length;
            }
            var c = text[j];
            if (c == '>')
            {
                return j + 1;
            }
            if (c == '/' && j + 1 < text.Length && text[j + 1] == '>')
            {
                selfClosing = true;
                return j + 2;
            }
            if (c == '<')
            {
                Warnings.Add("a tag is not closed by '>' before the next tag", j);
                return j;
            }
            if (c is '/' or '"' or '\'' or '=')
            {
                Warnings.Add($"an unexpected '{c}' inside a tag was ignored", j);
                j++;
                continue;
            }
            var nameStart = j;
            while (j < text.Length && !XmlLexing.NameEnd.Contains(text[j]))
            {
                j++;
            }
            var nameLength = j - nameStart;
            while (j < text.Length && XmlLexing.IsWhitespace(text[j]))
            {
                j++;
            }
            if (j >= text.Length || text[j] != '=')
            {
                Warnings.Add("an attribute without a value was read as having its own name as value", nameStart);
                _attributeNames.Add((nameStart, nameLength));
                continue;
            }
            j++;
            while (j < text.Length && XmlLexing.IsWhitespace(text[j]))
            {
                j++;
            }
            int valueStart, valueEnd;
            if (j < text.Length && text[j] is '"' or '\'')
            {
                var close = XmlLexing.QuotedValueEnd(text, j);
                valueStart = j + 1;
                if (close < 0)
                {
                    Warnings.Add("an attribute value is not closed by its quote", j);
                    var gt = text[valueStart..].IndexOfAny('>', '<');
                    valueEnd = gt < 0 ? text.Length : valueStart + gt;
                    if (valueEnd > valueStart && text[valueEnd - 1] == '/' && gt >= 0 && text[valueEnd] == '>')
                    {
                        valueEnd--;
                    }
                    j = valueEnd;
                }
                else
                {
                    valueEnd = close;
                    j = close + 1;
                }
            }
            else
            {
                Warnings.Add("an attribute value is not quoted", j);
                valueStart = j;
                while (j < text.Length && !XmlLexing.IsWhitespace(text[j]) && text[j] != '>' && !(text[j] == '/' && j + 1 < text.Length && text[j + 1] == '>'))
                {
                    j++;
                }
                valueEnd = j;
            }
            _attributeNames.Add((nameStart, nameLength));
            _attributes.Add(new XmlAttribute("", "", Ns.None, _source.DecodeAttribute(text[valueStart..valueEnd], valueStart)));
        }
    }

    private Element Open(string qualifiedName, int tagStart)
    {
        var text = _source.Text;
        var parent = _current;
        var bindingCount = DeclareNamespaces(text);
        var attributes = ResolveAttributes(text, tagStart);
        SplitName(qualifiedName, out var prefix, out var localName);
        var (uri, ns) = ResolvePrefix(prefix, tagStart);
        var element = new Element(qualifiedName, prefix, localName, uri, ns, tagStart)
        {
            Attributes = attributes,
            XmlBase = parent?.XmlBase,
            Lang = parent?.Lang,
            ContentEnd = -1,
            BindingCount = bindingCount,
        };
        foreach (var attribute in attributes)
        {
            if (attribute.Ns == Ns.Xml)
            {
                if (attribute.LocalName == "base")
                {
                    element.XmlBase = Text.FeedUrls.ToBase(attribute.Value, element.XmlBase ?? _source.DocumentUri);
                }
                else if (attribute.LocalName == "lang")
                {
                    element.Lang = attribute.Value.Length == 0 ? null : attribute.Value;
                }
            }
        }
        if (parent is null)
        {
            if (_source.TopLevel.Count > 0)
            {
                Warnings.Add("the document has more than one top-level element", tagStart);
            }
            _source.TopLevel.Add(element);
        }
        else
        {
            parent.AppendChild(element);
        }
        if (++_depth > _options.MaxDepth)
        {
            throw _source.Error(FeedParseError.TooDeep, $"Elements nest deeper than the limit of {_options.MaxDepth}", tagStart);
        }
        _current = element;
        return element;
    }

    /// <summary>Declares the namespaces a start tag binds and returns how many it bound.</summary>
    private int DeclareNamespaces(ReadOnlySpan<char> text)
    {
        var before = _bindings.Count;
        for (var a = 0; a < _attributes.Count; a++)
        {
            var name = text.Slice(_attributeNames[a].NameStart, _attributeNames[a].NameLength);
            if (name.SequenceEqual("xmlns"))
            {
                Bind("", _attributes[a].Value);
            }
            else if (name.StartsWith("xmlns:"))
            {
                Bind(Intern(name[6..]), _attributes[a].Value);
            }
        }
        return _bindings.Count - before;
    }

    /// <summary>Turns the raw attributes into namespaced ones (namespace declarations are left out).</summary>
    private XmlAttribute[] ResolveAttributes(ReadOnlySpan<char> text, int tagStart)
    {
        if (_attributes.Count == 0)
        {
            return [];
        }
        var resolved = new List<XmlAttribute>(_attributes.Count);
        for (var a = 0; a < _attributes.Count; a++)
        {
            var name = text.Slice(_attributeNames[a].NameStart, _attributeNames[a].NameLength);
            if (name.SequenceEqual("xmlns") || name.StartsWith("xmlns:"))
            {
                continue;
            }
            var qualifiedName = Intern(name);
            SplitName(qualifiedName, out var prefix, out var localName);
            var ns = prefix.Length == 0 ? Ns.None : ResolvePrefix(prefix, tagStart).Ns;
            if (IsDuplicate(resolved, prefix, localName))
            {
                Warnings.Add($"a duplicate attribute '{qualifiedName}' was ignored (the first one counts)", _attributeNames[a].NameStart);
                continue;
            }
            var value = _attributes[a].Value;
            resolved.Add(new XmlAttribute(prefix, localName, ns, value.Length <= 24 ? Intern(value) : value));
        }
        return [.. resolved];
    }

    private static bool IsDuplicate(List<XmlAttribute> attributes, string prefix, string localName)
    {
        foreach (var attribute in attributes)
        {
            if (ReferenceEquals(attribute.LocalName, localName) && ReferenceEquals(attribute.Prefix, prefix))
            {
                return true;
            }
        }
        return false;
    }

    private void Bind(string prefix, string uri)
    {
        var interned = Intern(uri.AsSpan().Trim());
        _bindings.Add(new Binding(prefix, interned, NamespaceCatalog.Classify(interned)));
    }

    private (string Uri, Ns Ns) ResolvePrefix(string prefix, int offset)
    {
        for (var b = _bindings.Count - 1; b >= 0; b--)
        {
            if (ReferenceEquals(_bindings[b].Prefix, prefix))
            {
                return (_bindings[b].Uri, _bindings[b].Ns);
            }
        }
        if (prefix.Length == 0)
        {
            return ("", Ns.None);
        }
        if (prefix == "xml")
        {
            return (NamespaceCatalog.XmlUri, Ns.Xml);
        }
        var usual = NamespaceCatalog.UsualUriOf(prefix);
        if (usual is not null)
        {
            Warnings.Add($"the namespace prefix '{prefix}' is not declared; read as the usual {usual}", offset);
            // Declared at the bottom of the stack, for the rest of the document: the warning is given once.
            _bindings.Insert(0, new Binding(prefix, usual, NamespaceCatalog.Classify(usual)));
            return (usual, NamespaceCatalog.Classify(usual));
        }
        Warnings.Add($"the namespace prefix '{prefix}' is not declared", offset);
        var unknown = Intern("urn:x-undeclared:" + prefix);
        _bindings.Insert(0, new Binding(prefix, unknown, Ns.Other));
        return (unknown, Ns.Other);
    }

    private int ReadEndTag(ReadOnlySpan<char> text, int i)
    {
        var nameStart = i + 2;
        var nameEnd = nameStart;
        while (nameEnd < text.Length && !XmlLexing.NameEnd.Contains(text[nameEnd]))
        {
            nameEnd++;
        }
        var close = text[nameEnd..].IndexOf('>');
        var next = close < 0 ? text.Length : nameEnd + close + 1;
        if (close < 0)
        {
            Warnings.Add("the document ends inside an end tag (it is truncated)", i);
        }
        else if (!text[nameEnd..(nameEnd + close)].IsWhiteSpace())
        {
            Warnings.Add("an end tag holds more than its name", i);
        }
        var name = text[nameStart..nameEnd];
        var match = FindOpen(name, StringComparison.Ordinal);
        if (match is null)
        {
            match = FindOpen(name, StringComparison.OrdinalIgnoreCase);
            if (match is not null)
            {
                Warnings.Add($"the end tag </{name}> differs in case from <{match.QualifiedName}>; read as closing it", i);
            }
        }
        if (match is null)
        {
            Warnings.Add($"the end tag </{name}> matches no open element and was ignored", i);
            return next;
        }
        while (_current != match)
        {
            Warnings.Add($"<{_current!.QualifiedName}> was not closed before </{name}>; closed there", _current.TagStart);
            Close(_current, i);
        }
        Close(match, i);
        return next;
    }

    private Element? FindOpen(ReadOnlySpan<char> name, StringComparison comparison)
    {
        for (var e = _current; e is not null; e = e.Parent)
        {
            if (name.Equals(e.QualifiedName, comparison))
            {
                return e;
            }
        }
        return null;
    }

    private void Close(Element element, int contentEnd)
    {
        element.ContentEnd = contentEnd;
        _bindings.RemoveRange(_bindings.Count - element.BindingCount, element.BindingCount);
        _current = element.Parent;
        _depth--;
    }

    private void CloseAllAtEnd(int end)
    {
        if (_current is null)
        {
            return;
        }
        Warnings.Add($"the document ends before <{_current.QualifiedName}> is closed (it is truncated); everything open was closed", end);
        while (_current is not null)
        {
            Close(_current, end);
        }
    }

    private void SplitName(string qualifiedName, out string prefix, out string localName)
    {
        var colon = qualifiedName.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == qualifiedName.Length - 1)
        {
            prefix = "";
            localName = qualifiedName;
            return;
        }
        prefix = Intern(qualifiedName.AsSpan(0, colon));
        localName = Intern(qualifiedName.AsSpan(colon + 1));
    }

    private string Intern(ReadOnlySpan<char> name)
    {
        if (_nameLookup.TryGetValue(name, out var interned))
        {
            return interned;
        }
        var text = name.ToString();
        _names[text] = text;
        return text;
    }

    private readonly record struct Binding(string Prefix, string Uri, Ns Ns);
}
