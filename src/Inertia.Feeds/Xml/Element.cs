namespace Inertia.Feeds.Xml;

/// <summary>
/// An element of a leniently read document. Its text is not copied out while reading: the element keeps
/// the range of its content in the decoded source, and <see cref="XmlSource"/> turns that range into text
/// or markup only when a reader asks, so the many elements no reader needs cost no strings.
/// </summary>
internal sealed class Element
{
    public Element(string qualifiedName, string prefix, string localName, string namespaceUri, Ns ns, int tagStart)
    {
        QualifiedName = qualifiedName;
        Prefix = prefix;
        LocalName = localName;
        NamespaceUri = namespaceUri;
        Ns = ns;
        TagStart = tagStart;
    }

    /// <summary>The name as written, e.g. <c>dc:creator</c>; end tags are matched against it.</summary>
    public string QualifiedName { get; }

    public string Prefix { get; }

    public string LocalName { get; }

    public string NamespaceUri { get; }

    public Ns Ns { get; }

    /// <summary>Offset of the start tag's '&lt;', for warnings.</summary>
    public int TagStart { get; }

    /// <summary>Offset just after the start tag; the content begins here.</summary>
    public int ContentStart { get; set; }

    /// <summary>Offset where the content ends (the end tag, the tag that closed this element, or the end of the document).</summary>
    public int ContentEnd { get; set; }

    public XmlAttribute[] Attributes { get; set; } = [];

    public Element? Parent { get; set; }

    public Element? FirstChild { get; private set; }

    public Element? NextSibling { get; private set; }

    private Element? _lastChild;

    public bool HasChildElements => FirstChild is not null;

    /// <summary>How many namespace bindings this element's start tag declared; they go out of scope when it closes.</summary>
    public int BindingCount { get; init; }

    /// <summary>Whether the content holds CDATA, comments or processing instructions, which text extraction must unwrap or skip.</summary>
    public bool HasNonTextNodes { get; set; }

    /// <summary>The base URI from the nearest <c>xml:base</c> on this element or an ancestor; null when none was declared.</summary>
    public Uri? XmlBase { get; set; }

    /// <summary>The language from the nearest <c>xml:lang</c> on this element or an ancestor.</summary>
    public string? Lang { get; set; }

    public void AppendChild(Element child)
    {
        child.Parent = this;
        if (_lastChild is null)
        {
            FirstChild = child;
        }
        else
        {
            _lastChild.NextSibling = child;
        }
        _lastChild = child;
    }

    /// <summary>The value of an attribute without a namespace prefix (or in the given namespace), or null.</summary>
    public string? Attribute(string localName)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Prefix.Length == 0 && attribute.LocalName == localName)
            {
                return attribute.Value;
            }
        }
        return null;
    }

    /// <summary>The value of a namespaced attribute (e.g. <c>rdf:resource</c>), or null.</summary>
    public string? Attribute(Ns ns, string localName)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Ns == ns && attribute.LocalName == localName)
            {
                return attribute.Value;
            }
        }
        return null;
    }

    /// <summary>The child elements, in document order.</summary>
    public ChildEnumerator Children => new(FirstChild);

    /// <summary>The first child with the given namespace and local name.</summary>
    public Element? Child(Ns ns, string localName)
    {
        for (var child = FirstChild; child is not null; child = child.NextSibling)
        {
            if (child.Ns == ns && child.LocalName == localName)
            {
                return child;
            }
        }
        return null;
    }

    /// <summary>
    /// The descendants that match, in document order, without looking inside a match. Feed readers use it to
    /// find items that an unclosed element of the channel swallowed.
    /// </summary>
    public List<Element> FindAll(Func<Element, bool> isMatch)
    {
        var found = new List<Element>();
        Collect(this, isMatch, found);
        return found;

        static void Collect(Element parent, Func<Element, bool> isMatch, List<Element> found)
        {
            for (var child = parent.FirstChild; child is not null; child = child.NextSibling)
            {
                if (isMatch(child))
                {
                    found.Add(child);
                }
                else if (child.HasChildElements)
                {
                    Collect(child, isMatch, found);
                }
            }
        }
    }

    public override string ToString() => $"<{QualifiedName}>";

    /// <summary>Allocation-free enumeration of an element's children.</summary>
    public struct ChildEnumerator(Element? first)
    {
        private Element? _next = first;

        public Element Current { get; private set; } = null!;

        public readonly ChildEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_next is null)
            {
                return false;
            }
            Current = _next;
            _next = _next.NextSibling;
            return true;
        }
    }
}
