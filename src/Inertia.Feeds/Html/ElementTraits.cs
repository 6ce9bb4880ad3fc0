namespace Inertia.Feeds.Html;

/// <summary>How an element takes part in HTML's tree-building rules, which decide where open elements are implicitly closed.</summary>
[Flags]
internal enum ElementTraits
{
    None = 0,

    /// <summary>Has no content and no end tag (br, img…).</summary>
    Void = 1 << 0,

    /// <summary>Its start tag closes an open p (HTML's "close a p element" list).</summary>
    ClosesParagraph = 1 << 1,

    /// <summary>One of HTML's "special" elements, where the search for an open li, dt or dd stops.</summary>
    Special = 1 << 2,

    /// <summary>h1 to h6: a heading start tag closes a heading that is the current element.</summary>
    Heading = 1 << 3,

    /// <summary>Only means something inside a table (tr, td, tbody…); ignored outside one.</summary>
    TablePart = 1 << 4,

    /// <summary>An end tag does not look for its element beyond this one (table, td, th, caption).</summary>
    ScopeBoundary = 1 << 5,

    /// <summary>ul and ol, the extra boundary of an li end tag.</summary>
    List = 1 << 6,

    /// <summary>svg and math: "/&gt;" really closes them, so "&lt;svg/&gt;" has no content to drop.</summary>
    Foreign = 1 << 7,

    /// <summary>Starts a new line when rendered, so it separates words in plain text.</summary>
    Block = 1 << 8,
}
