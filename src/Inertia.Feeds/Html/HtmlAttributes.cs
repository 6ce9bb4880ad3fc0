namespace Inertia.Feeds.Html;

/// <summary>Maps a lowercased attribute name to its bit; anything not listed (id, on* handlers, data-*…) is never kept.</summary>
internal static class HtmlAttributes
{
    public static AttributeNames Find(ReadOnlySpan<char> name) => name switch
    {
        "title" => AttributeNames.Title,
        "lang" => AttributeNames.Lang,
        "dir" => AttributeNames.Dir,
        "style" => AttributeNames.Style,
        "class" => AttributeNames.Class,
        "href" => AttributeNames.Href,
        "src" => AttributeNames.Src,
        "srcset" => AttributeNames.Srcset,
        "sizes" => AttributeNames.Sizes,
        "alt" => AttributeNames.Alt,
        "width" => AttributeNames.Width,
        "height" => AttributeNames.Height,
        "cite" => AttributeNames.Cite,
        "datetime" => AttributeNames.DateTime,
        "start" => AttributeNames.Start,
        "reversed" => AttributeNames.Reversed,
        "type" => AttributeNames.Type,
        "value" => AttributeNames.Value,
        "colspan" => AttributeNames.ColSpan,
        "rowspan" => AttributeNames.RowSpan,
        "headers" => AttributeNames.Headers,
        "scope" => AttributeNames.Scope,
        "align" => AttributeNames.Align,
        "span" => AttributeNames.Span,
        "media" => AttributeNames.Media,
        "poster" => AttributeNames.Poster,
        "loop" => AttributeNames.Loop,
        "muted" => AttributeNames.Muted,
        "playsinline" => AttributeNames.PlaysInline,
        "kind" => AttributeNames.Kind,
        "srclang" => AttributeNames.SrcLang,
        "label" => AttributeNames.Label,
        "default" => AttributeNames.Default,
        "allowfullscreen" => AttributeNames.AllowFullscreen,
        "open" => AttributeNames.Open,
        _ => AttributeNames.None,
    };
}
