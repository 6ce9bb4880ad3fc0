namespace Inertia.Feeds.Html;

/// <summary>What <see cref="HtmlTokenizer.Read"/> found. Comments, doctypes and processing instructions are skipped.</summary>
internal enum HtmlTokenKind
{
    /// <summary>Character data, entities not yet decoded.</summary>
    Text,

    /// <summary>The content of a raw-text or RCDATA element (script, style, title…), which is never markup.</summary>
    RawText,

    StartTag,
    EndTag,
}
