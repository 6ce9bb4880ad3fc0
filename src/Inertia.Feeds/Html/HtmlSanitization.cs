namespace Inertia.Feeds.Html;

/// <summary>
/// One sanitizer with its buffers, reused by its thread from document to document: the tokenizer's tokens go
/// through the element policy, kept elements are rewritten with their checked attributes onto a stack that
/// balances them, and all text is decoded and re-escaped, so the output is well-formed whatever the input was.
/// </summary>
internal sealed class HtmlSanitization
{
    private const string AnchorAttributes = " rel=\"noopener noreferrer nofollow\" target=\"_blank\"";
    private const string ImageAttributes = " loading=\"lazy\" decoding=\"async\"";
    private const string MediaAttributes = " controls preload=\"none\"";
    private const string FrameAttributes =
        " sandbox=\"allow-scripts allow-same-origin allow-popups allow-presentation\" loading=\"lazy\" referrerpolicy=\"strict-origin-when-cross-origin\"";

    [ThreadStatic]
    private static HtmlSanitization? t_cached;

    private readonly CharBuffer _output = new(4096);
    private readonly CharBuffer _text = new(256);
    private readonly char[] _names = new char[HtmlTokenizer.NameBufferLength];
    private readonly HtmlAttributeRange[] _attributes = new HtmlAttributeRange[HtmlTokenizer.MaxAttributes];
    private readonly OpenElements _open = new();
    private readonly AttributeWriter _attributeWriter = new();
    private DroppedContent _dropped;
    private Uri? _baseUri;

    public static string Sanitize(string html, Uri? baseUri)
    {
        var sanitization = t_cached ?? new HtmlSanitization();
        t_cached = null;
        try
        {
            return sanitization.Run(html, baseUri);
        }
        finally
        {
            sanitization.Reset();
            t_cached = sanitization;
        }
    }

    private string Run(string html, Uri? baseUri)
    {
        _baseUri = baseUri;
        _output.EnsureCapacity(html.Length);
        var tokenizer = new HtmlTokenizer(html, _names, _attributes);
        while (tokenizer.Read())
        {
            switch (tokenizer.Kind)
            {
                case HtmlTokenKind.Text when !_dropped.IsActive:
                    WriteText(tokenizer.Text);
                    break;
                case HtmlTokenKind.StartTag:
                    StartTag(ref tokenizer);
                    break;
                case HtmlTokenKind.EndTag:
                    EndTag(HtmlElements.Find(tokenizer.TagName));
                    break;
            }
        }
        _open.CloseAll(_output);
        return _output.ToString();
    }

    private void Reset()
    {
        _output.Clear();
        _text.Clear();
        _open.Clear();
        _dropped.Clear();
        _baseUri = null;
    }

    private void WriteText(ReadOnlySpan<char> raw)
    {
        if (!raw.Contains('&'))
        {
            HtmlEscaper.WriteText(raw, _output);
            return;
        }
        _text.Length = 0;
        CharacterReferences.Decode(raw, inAttribute: false, _text);
        HtmlEscaper.WriteText(_text.AsSpan(), _output);
    }

    private void StartTag(ref HtmlTokenizer tokenizer)
    {
        var element = HtmlElements.Find(tokenizer.TagName);
        if (_dropped.IsActive)
        {
            _dropped.OnStartTag(element);
            return;
        }
        if (element.Action != ElementAction.Keep)
        {
            _dropped.TryStart(element, tokenizer.SelfClosing);
            return;
        }
        if (_open.IsFull || !_open.PrepareFor(element, _output))
        {
            return;
        }
        var mark = _output.Length;
        _output.Append('<');
        _output.Append(element.Name);
        var written = _attributeWriter.Write(ref tokenizer, element, _baseUri, _output);
        if (!AppendImpliedAttributes(element, written))
        {
            _output.Length = mark;
        }
        else if (element == HtmlElements.Iframe)
        {
            _output.Append("></iframe>");
        }
        else
        {
            _output.Append('>');
            if (!element.Is(ElementTraits.Void))
            {
                _open.Push(element);
            }
        }
        if (element == HtmlElements.Iframe)
        {
            // An iframe's content is fallback text that is never shown by a browser that supports frames.
            _dropped.Start(element);
        }
    }

    /// <summary>Adds the attributes the sanitizer imposes; false when a required one is missing and the element must go.</summary>
    private bool AppendImpliedAttributes(HtmlElement element, AttributeNames written)
    {
        if (element == HtmlElements.A)
        {
            if ((written & AttributeNames.Href) != 0)
            {
                _output.Append(AnchorAttributes);
            }
        }
        else if (element == HtmlElements.Img)
        {
            if ((written & AttributeNames.Src) == 0)
            {
                return false;
            }
            _output.Append(ImageAttributes);
        }
        else if (element == HtmlElements.Video || element == HtmlElements.Audio)
        {
            _output.Append(MediaAttributes);
        }
        else if (element == HtmlElements.Iframe)
        {
            if ((written & AttributeNames.Src) == 0)
            {
                return false;
            }
            _output.Append(FrameAttributes);
        }
        else if (element == HtmlElements.Source)
        {
            return (written & (AttributeNames.Src | AttributeNames.Srcset)) != 0;
        }
        else if (element == HtmlElements.Track)
        {
            return (written & AttributeNames.Src) != 0;
        }
        return true;
    }

    private void EndTag(HtmlElement element)
    {
        if (_dropped.IsActive)
        {
            _dropped.OnEndTag(element);
            return;
        }
        if (element == HtmlElements.Br)
        {
            // Browsers read the stray "</br>" as a line break.
            _output.Append("<br>");
            return;
        }
        if (element.Action == ElementAction.Keep && !element.Is(ElementTraits.Void))
        {
            _open.Close(element, _output);
        }
    }
}
