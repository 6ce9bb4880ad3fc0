namespace Inertia.Feeds.Html;

/// <summary>The attributes the sanitizer can keep, one bit each, so that an element's allow-list is one mask.</summary>
[Flags]
internal enum AttributeNames : ulong
{
    None = 0,
    Title = 1UL << 0,
    Lang = 1UL << 1,
    Dir = 1UL << 2,
    Style = 1UL << 3,
    Class = 1UL << 4,
    Href = 1UL << 5,
    Src = 1UL << 6,
    Srcset = 1UL << 7,
    Sizes = 1UL << 8,
    Alt = 1UL << 9,
    Width = 1UL << 10,
    Height = 1UL << 11,
    Cite = 1UL << 12,
    DateTime = 1UL << 13,
    Start = 1UL << 14,
    Reversed = 1UL << 15,
    Type = 1UL << 16,
    Value = 1UL << 17,
    ColSpan = 1UL << 18,
    RowSpan = 1UL << 19,
    Headers = 1UL << 20,
    Scope = 1UL << 21,
    Align = 1UL << 22,
    Span = 1UL << 23,
    Media = 1UL << 24,
    Poster = 1UL << 25,
    Loop = 1UL << 26,
    Muted = 1UL << 27,
    PlaysInline = 1UL << 28,
    Kind = 1UL << 29,
    SrcLang = 1UL << 30,
    Label = 1UL << 31,
    Default = 1UL << 32,
    AllowFullscreen = 1UL << 33,
    Open = 1UL << 34,

    /// <summary>Allowed on every kept element.</summary>
    Global = Title | Lang | Dir | Style,
}
