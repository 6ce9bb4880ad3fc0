namespace Inertia.Feeds.Html;

/// <summary>What the sanitizer does with an element.</summary>
internal enum ElementAction
{
    /// <summary>The tag is dropped and its content kept (unknown and presentational elements, form, html, body).</summary>
    Unwrap,

    /// <summary>The element is kept with its allowed attributes.</summary>
    Keep,

    /// <summary>The element is removed together with everything inside it.</summary>
    Drop,
}
