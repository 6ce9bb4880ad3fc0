using static Inertia.Feeds.Html.ElementTraits;

namespace Inertia.Feeds.Html;

/// <summary>
/// The kept elements open in the output, and the HTML tree-building rules that close them implicitly (a block
/// closes an open p, an li closes the previous li, a td the previous cell…), so that the output is balanced and
/// nests the way a browser would have nested the input.
/// </summary>
internal sealed class OpenElements
{
    /// <summary>Deeper nesting is flattened: start tags of kept elements beyond this depth are ignored.</summary>
    public const int MaxDepth = 256;

    private readonly HtmlElement[] _stack = new HtmlElement[MaxDepth];
    private int _count;

    public bool IsFull => _count == MaxDepth;

    private HtmlElement? Current => _count == 0 ? null : _stack[_count - 1];

    public void Push(HtmlElement element) => _stack[_count++] = element;

    /// <summary>Forgets everything open, so that a document abandoned half-way does not leak into the next one.</summary>
    public void Clear() => _count = 0;

    /// <summary>
    /// Closes what the start tag of <paramref name="element"/> implicitly closes. Returns false when the element is
    /// out of place and must be ignored (a table part outside a table, a source outside picture, video or audio).
    /// </summary>
    public bool PrepareFor(HtmlElement element, CharBuffer output)
    {
        if (element.Is(TablePart))
        {
            return PrepareForTablePart(element, output);
        }
        if (element.Is(ClosesParagraph))
        {
            var paragraph = IndexInScope(HtmlElements.P);
            if (paragraph >= 0)
            {
                PopTo(paragraph, output);
            }
        }
        if (element == HtmlElements.Li)
        {
            CloseListItem(HtmlElements.Li, HtmlElements.Li, output);
        }
        else if (element == HtmlElements.Dt || element == HtmlElements.Dd)
        {
            CloseListItem(HtmlElements.Dt, HtmlElements.Dd, output);
        }
        else if (element.Is(Heading) && Current is { } current && current.Is(Heading))
        {
            PopTo(_count - 1, output);
        }
        else if (element == HtmlElements.A)
        {
            var anchor = IndexInScope(HtmlElements.A);
            if (anchor >= 0)
            {
                PopTo(anchor, output);
            }
        }
        else if (element == HtmlElements.Rt || element == HtmlElements.Rp)
        {
            if (Current == HtmlElements.Rt || Current == HtmlElements.Rp)
            {
                PopTo(_count - 1, output);
            }
        }
        else if (element == HtmlElements.Source)
        {
            return Current == HtmlElements.Picture || Current == HtmlElements.Video || Current == HtmlElements.Audio;
        }
        else if (element == HtmlElements.Track)
        {
            return Current == HtmlElements.Video || Current == HtmlElements.Audio;
        }
        return true;
    }

    /// <summary>Handles an end tag: closes its element and everything opened inside it, or does nothing when it is not open in scope.</summary>
    public void Close(HtmlElement element, CharBuffer output)
    {
        var index = element.Is(TablePart) || element == HtmlElements.Table
            ? IndexInTable(element)
            : IndexInScope(element);
        if (index >= 0)
        {
            PopTo(index, output);
        }
    }

    /// <summary>Closes everything still open, at the end of the input.</summary>
    public void CloseAll(CharBuffer output) => PopTo(0, output);

    private bool PrepareForTablePart(HtmlElement element, CharBuffer output)
    {
        var table = IndexOf(HtmlElements.Table);
        if (table < 0)
        {
            return false;
        }
        while (_count - 1 > table && !IsContextFor(element, _stack[_count - 1]))
        {
            PopTo(_count - 1, output);
        }
        return true;
    }

    /// <summary>Whether <paramref name="parent"/> can hold the table part directly (the table itself always can).</summary>
    private static bool IsContextFor(HtmlElement part, HtmlElement parent)
    {
        if (part == HtmlElements.Td || part == HtmlElements.Th)
        {
            return parent == HtmlElements.Tr || IsRowGroup(parent);
        }
        if (part == HtmlElements.Tr)
        {
            return IsRowGroup(parent);
        }
        if (part == HtmlElements.Col)
        {
            return parent == HtmlElements.Colgroup;
        }
        return false;
    }

    private static bool IsRowGroup(HtmlElement element) =>
        element == HtmlElements.Tbody || element == HtmlElements.Thead || element == HtmlElements.Tfoot;

    /// <summary>An li, dt or dd start tag closes an open one, unless a special element other than address, div and p lies between.</summary>
    private void CloseListItem(HtmlElement first, HtmlElement second, CharBuffer output)
    {
        for (var i = _count - 1; i >= 0; i--)
        {
            var node = _stack[i];
            if (node == first || node == second)
            {
                PopTo(i, output);
                return;
            }
            if (node.Is(Special) && node != HtmlElements.Address && node != HtmlElements.Div && node != HtmlElements.P)
            {
                return;
            }
        }
    }

    /// <summary>Where <paramref name="element"/> is open without a table or cell (or, for li, a list) in between; -1 if it is not.</summary>
    private int IndexInScope(HtmlElement element)
    {
        var listScope = element == HtmlElements.Li;
        for (var i = _count - 1; i >= 0; i--)
        {
            var node = _stack[i];
            if (node == element)
            {
                return i;
            }
            if (node.Is(ScopeBoundary) || (listScope && node.Is(List)))
            {
                return -1;
            }
        }
        return -1;
    }

    /// <summary>Where a table part is open in the innermost table; -1 if it is not.</summary>
    private int IndexInTable(HtmlElement element)
    {
        for (var i = _count - 1; i >= 0; i--)
        {
            var node = _stack[i];
            if (node == element)
            {
                return i;
            }
            if (node == HtmlElements.Table)
            {
                return -1;
            }
        }
        return -1;
    }

    private int IndexOf(HtmlElement element)
    {
        for (var i = _count - 1; i >= 0; i--)
        {
            if (_stack[i] == element)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Closes the elements from the top of the stack down to and including the one at <paramref name="index"/>.</summary>
    private void PopTo(int index, CharBuffer output)
    {
        while (_count > index)
        {
            var element = _stack[--_count];
            output.Append("</");
            output.Append(element.Name);
            output.Append('>');
        }
    }
}
