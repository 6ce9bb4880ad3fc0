namespace Inertia.Feeds.Html;

/// <summary>
/// Follows an element being removed together with its content: everything is skipped until the end tag that
/// matches its start tag (nested elements of the same name counted), or the end of the input. A head also ends
/// where a body starts, since feeds that paste whole pages seldom close it.
/// </summary>
internal struct DroppedContent
{
    private HtmlElement? _element;
    private int _depth;

    public readonly bool IsActive => _element is not null;

    /// <summary>Starts dropping when <paramref name="element"/> is dropped with content; false when it has none to drop.</summary>
    public bool TryStart(HtmlElement element, bool selfClosing)
    {
        if (element.Action != ElementAction.Drop || element.Is(ElementTraits.Void) || (selfClosing && element.Is(ElementTraits.Foreign)))
        {
            return false;
        }
        Start(element);
        return true;
    }

    /// <summary>Drops the content of <paramref name="element"/> whatever the policy says (an iframe's fallback, which is never markup).</summary>
    public void Start(HtmlElement element)
    {
        _element = element;
        _depth = 1;
    }

    public void OnStartTag(HtmlElement element)
    {
        if (element == _element)
        {
            _depth++;
        }
        else if (_element == HtmlElements.Head && element == HtmlElements.Body)
        {
            Clear();
        }
    }

    public void OnEndTag(HtmlElement element)
    {
        if (element == _element && --_depth == 0)
        {
            Clear();
        }
    }

    public void Clear()
    {
        _element = null;
        _depth = 0;
    }
}
