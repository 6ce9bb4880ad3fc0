using Inertia.Feeds.Html;
using Inertia.Feeds.Text;
using Inertia.Feeds.Xml;

namespace Inertia.Feeds.Formats;

/// <summary>What every XML dialect reader needs while reading one document: its text, its bases and its warnings.</summary>
internal sealed class XmlReadContext(XmlSource source, Uri? documentUri)
{
    public XmlSource Source { get; } = source;

    public Warnings Warnings => Source.Warnings;

    public Uri? DocumentUri { get; } = documentUri;

    /// <summary>The feed's home page, once read: the base for relative URLs where no <c>xml:base</c> says otherwise.</summary>
    public Uri? SiteBase { get; set; }

    /// <summary>The feed's language, once read: the hint for dates without a zone.</summary>
    public string? FeedLanguage { get; set; }

    public Uri? BaseFor(Element element) => element.XmlBase ?? SiteBase ?? DocumentUri;

    /// <summary>The element's text, trimmed; null when empty.</summary>
    public string? Text(Element? element)
    {
        var text = element is null ? null : Source.TextOf(element);
        if (text is null)
        {
            return null;
        }
        var trimmed = text.AsSpan().Trim();
        return trimmed.IsEmpty ? null : trimmed.Length == text.Length ? text : trimmed.ToString();
    }

    /// <summary>The element's content read as HTML and reduced to plain text (RSS titles and descriptions may hold markup).</summary>
    public string? PlainText(Element? element)
    {
        var html = element is null ? null : Source.MarkupOf(element);
        return NullIfEmpty(html is null ? null : HtmlText.ToPlainText(html));
    }

    /// <summary>The element's content as HTML source (unsanitized).</summary>
    public string? Html(Element? element)
    {
        var html = element is null ? null : Source.MarkupOf(element);
        return string.IsNullOrWhiteSpace(html) ? null : html;
    }

    /// <summary>
    /// The element's text as a URL, resolved against the element's base: an absolute http or https URL (or, when
    /// <paramref name="allowMailto"/>, a <c>mailto:</c> one), else null with a warning.
    /// </summary>
    public string? Url(Element? element, bool allowMailto = false) =>
        element is null ? null : FeedUrls.Resolve(Text(element), BaseFor(element), Warnings, element.TagStart, allowMailto);

    /// <summary>An attribute's value as a URL, resolved against the element's base: an absolute http or https URL, else null with a warning.</summary>
    public string? Url(Element element, string? value) => FeedUrls.Resolve(value, BaseFor(element), Warnings, element.TagStart);

    /// <summary>The element's text as a date in UTC; a date that cannot be read is a warning, not a failure.</summary>
    public DateTimeOffset? Date(Element? element, string? language)
    {
        var text = Text(element);
        if (text is null)
        {
            return null;
        }
        if (FeedDates.TryParse(text, language ?? FeedLanguage, out var date))
        {
            return date;
        }
        Warnings.Add($"the date \"{Shorten(text)}\" in <{element!.QualifiedName}> could not be read and was left out", element.TagStart);
        return null;
    }

    /// <summary>A positive whole number from the element's text, or null.</summary>
    public int? Integer(Element? element) =>
        int.TryParse(Text(element), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : null;

    /// <summary>The language stated on the element itself (not inherited from its parent).</summary>
    public static string? OwnLanguage(Element element) =>
        element.Lang is not null && !ReferenceEquals(element.Lang, element.Parent?.Lang) ? element.Lang : null;

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
