using System.Buffers;

namespace Inertia.Feeds.Html;

/// <summary>
/// Reads the text a reader would see in an HTML fragment: tags go, what the sanitizer drops with its content
/// (scripts, styles, frames…) goes too, character references are decoded once, and every run of whitespace,
/// no-break spaces and line breaks included, becomes one space, with block elements separating words.
/// Reused by its thread from call to call.
/// </summary>
internal sealed class PlainTextExtractor
{
    // Every char.IsWhiteSpace character, which collapse to one space, and the controls and non-characters, which go.
    private static readonly SearchValues<char> WhitespaceAndControls = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u0020"
        + "\u007F\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F"
        + "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F"
        + "\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000"
        + "\uFFFE\uFFFF");

    [ThreadStatic]
    private static PlainTextExtractor? t_cached;

    private readonly CharBuffer _text = new(256);
    private readonly CharBuffer _decoded = new(256);
    private readonly char[] _names = new char[HtmlTokenizer.NameBufferLength];
    private readonly HtmlAttributeRange[] _attributes = new HtmlAttributeRange[HtmlTokenizer.MaxAttributes];
    private DroppedContent _dropped;
    private bool _pendingSpace;

    /// <summary>
    /// Extracts the text of <paramref name="html"/>, stopping once more than <paramref name="limit"/> characters
    /// are collected, and hands it to <paramref name="finish"/> while the buffer is still valid.
    /// </summary>
    public static string Extract<TState>(string html, int limit, TState state, Func<ReadOnlySpan<char>, TState, string> finish)
    {
        var extractor = t_cached ?? new PlainTextExtractor();
        t_cached = null;
        try
        {
            extractor.Run(html, limit);
            return finish(extractor._text.AsSpan(), state);
        }
        finally
        {
            extractor.Reset();
            t_cached = extractor;
        }
    }

    private void Run(string html, int limit)
    {
        var tokenizer = new HtmlTokenizer(html, _names, _attributes);
        while (_text.Length <= limit && tokenizer.Read())
        {
            switch (tokenizer.Kind)
            {
                case HtmlTokenKind.Text when !_dropped.IsActive:
                    AppendText(tokenizer.Text);
                    break;
                case HtmlTokenKind.StartTag:
                    StartTag(HtmlElements.Find(tokenizer.TagName), tokenizer.SelfClosing);
                    break;
                case HtmlTokenKind.EndTag:
                    EndTag(HtmlElements.Find(tokenizer.TagName));
                    break;
            }
        }
    }

    private void Reset()
    {
        _text.Clear();
        _decoded.Clear();
        _dropped.Clear();
        _pendingSpace = false;
    }

    private void StartTag(HtmlElement element, bool selfClosing)
    {
        if (_dropped.IsActive)
        {
            _dropped.OnStartTag(element);
        }
        else if (element == HtmlElements.Iframe)
        {
            _dropped.Start(element);
        }
        else if (!_dropped.TryStart(element, selfClosing))
        {
            SeparateIfBlock(element);
        }
    }

    private void EndTag(HtmlElement element)
    {
        if (_dropped.IsActive)
        {
            _dropped.OnEndTag(element);
        }
        else
        {
            SeparateIfBlock(element);
        }
    }

    private void SeparateIfBlock(HtmlElement element)
    {
        if (element.Is(ElementTraits.Block))
        {
            _pendingSpace = true;
        }
    }

    private void AppendText(ReadOnlySpan<char> raw)
    {
        if (raw.Contains('&'))
        {
            _decoded.Length = 0;
            CharacterReferences.Decode(raw, inAttribute: false, _decoded);
            raw = _decoded.AsSpan();
        }
        while (!raw.IsEmpty)
        {
            var special = EndOfRun(raw);
            var run = special < 0 ? raw : raw[..special];
            if (!run.IsEmpty)
            {
                if (_pendingSpace && _text.Length > 0)
                {
                    _text.Append(' ');
                }
                _pendingSpace = false;
                _text.Append(run);
            }
            if (special < 0)
            {
                return;
            }
            if (char.IsWhiteSpace(raw[special]))
            {
                _pendingSpace = true;
            }
            raw = raw[(special + 1)..];
        }
    }

    /// <summary>Where the run of text that can be copied as it is ends: at whitespace other than a single space between words, or at a control.</summary>
    private static int EndOfRun(ReadOnlySpan<char> text)
    {
        var end = 0;
        while (true)
        {
            var next = text[end..].IndexOfAny(WhitespaceAndControls);
            if (next < 0)
            {
                return -1;
            }
            end += next;
            if (text[end] != ' ' || end == 0 || end + 1 >= text.Length || WhitespaceAndControls.Contains(text[end + 1]))
            {
                return end;
            }
            end++;
        }
    }
}
