using System.Globalization;
using Inertia.Feeds.Text;
using Inertia.Feeds.Xml;

namespace Inertia.Feeds.Formats;

/// <summary>
/// The extension namespaces that RSS and Atom share: Dublin Core, <c>dcterms</c>, <c>content</c>, Media RSS,
/// iTunes, <c>slash</c>, <c>wfw</c>, <c>thr</c>, <c>sy</c>, FeedBurner, and Atom elements inside RSS.
/// </summary>
internal static class Extensions
{
    /// <summary>Reads an extension element of an entry; false when the element is not one this class knows.</summary>
    public static bool ReadEntryElement(XmlReadContext ctx, Element e, EntryBuilder entry, string? language)
    {
        switch (e.Ns)
        {
            case Ns.Content when e.LocalName == "encoded":
                entry.FullContent ??= Html(ctx, e);
                return true;
            case Ns.Dc or Ns.DcTerms:
                ReadDublinCore(ctx, e, entry, language);
                return true;
            case Ns.Media:
                ReadMedia(ctx, e, entry);
                return true;
            case Ns.ITunes:
                ReadITunesEntry(ctx, e, entry);
                return true;
            case Ns.Slash when e.LocalName == "comments":
            case Ns.Thr when e.LocalName == "total":
                entry.CommentCount ??= ctx.Integer(e);
                return true;
            case Ns.Wfw when e.LocalName is "commentRss" or "commentRSS":
                entry.CommentsFeedUrl ??= ctx.Url(e);
                return true;
            case Ns.Feedburner when e.LocalName == "origLink":
                // FeedBurner rewrites <link> to its own redirector; the original is what readers want.
                entry.Link = ctx.Url(e) ?? entry.Link;
                return true;
            case Ns.Feedburner when e.LocalName == "origEnclosureLink":
                return true;
            default:
                return false;
        }
    }

    /// <summary>Reads an extension element of the feed; false when the element is not one this class knows.</summary>
    public static bool ReadFeedElement(XmlReadContext ctx, Element e, FeedBuilder feed)
    {
        switch (e.Ns, e.LocalName)
        {
            case (Ns.Dc, "title"):
                feed.Title ??= ctx.PlainText(e);
                return true;
            case (Ns.Dc, "description"):
                feed.Description ??= ctx.PlainText(e);
                return true;
            case (Ns.Dc, "creator" or "publisher"):
            case (Ns.ITunes, "author"):
                feed.AddAuthor(People.Parse(ctx.Text(e)));
                return true;
            case (Ns.Dc or Ns.DcTerms, "date" or "modified"):
                feed.Updated ??= ctx.Date(e, feed.Language);
                return true;
            case (Ns.Dc, "language"):
                feed.Language ??= ctx.Text(e);
                return true;
            case (Ns.Dc, "rights"):
                feed.Rights ??= ctx.PlainText(e);
                return true;
            case (Ns.Dc, "subject"):
                feed.AddCategory(ctx.Text(e));
                return true;
            case (Ns.ITunes, "image"):
                feed.Image ??= ctx.Url(e, e.Attribute("href"));
                return true;
            case (Ns.ITunes, "category"):
                ReadITunesCategory(e, feed);
                return true;
            case (Ns.ITunes, "summary" or "subtitle"):
                feed.Description ??= ctx.PlainText(e);
                return true;
            case (Ns.ITunes, "owner"):
                feed.AddAuthor(MakePerson(ctx.Text(e.Child(Ns.ITunes, "name")), ctx.Text(e.Child(Ns.ITunes, "email")), null));
                return true;
            case (Ns.Sy, "updatePeriod" or "updateFrequency"):
                return true;
            case (Ns.Atom10 or Ns.Atom03, "link"):
                ReadFeedLink(ctx, e, feed);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The publisher's update interval from <c>sy:updatePeriod</c> and <c>sy:updateFrequency</c>
    /// ("hourly" and 2 mean every 30 minutes); null when the feed says nothing usable.
    /// </summary>
    public static TimeSpan? SyndicationInterval(XmlReadContext ctx, Element channel)
    {
        var period = ctx.Text(channel.Child(Ns.Sy, "updatePeriod"));
        if (period is null)
        {
            return null;
        }
        var unit = period.ToLowerInvariant() switch
        {
            "hourly" => TimeSpan.FromHours(1),
            "daily" => TimeSpan.FromDays(1),
            "weekly" => TimeSpan.FromDays(7),
            "monthly" => TimeSpan.FromDays(30),
            "yearly" => TimeSpan.FromDays(365),
            _ => (TimeSpan?)null,
        };
        var frequency = ctx.Integer(channel.Child(Ns.Sy, "updateFrequency")) ?? 1;
        return unit is { } u && frequency > 0 ? u / frequency : null;
    }

    /// <summary>
    /// Reads the feed's own links among <paramref name="parent"/>'s children: the site (alternate) first, which
    /// becomes the base for relative URLs, then the others (self, hub), resolved against it like the rest.
    /// </summary>
    public static void ReadFeedLinks(XmlReadContext ctx, Element parent, FeedBuilder feed, Func<Element, bool> isLink)
    {
        foreach (var e in parent.Children)
        {
            if (isLink(e) && IsAlternate(e))
            {
                ReadFeedLink(ctx, e, feed);
            }
        }
        ctx.SiteBase = FeedUrls.ToBase(feed.Link, ctx.DocumentUri);
        foreach (var e in parent.Children)
        {
            if (isLink(e) && !IsAlternate(e))
            {
                ReadFeedLink(ctx, e, feed);
            }
        }
    }

    /// <summary>An Atom link of the feed (inside an Atom feed or an RSS channel): self (the feed's URL), hub (WebSub), alternate (the site).</summary>
    public static void ReadFeedLink(XmlReadContext ctx, Element e, FeedBuilder feed)
    {
        var href = ctx.Url(e, e.Attribute("href"));
        switch (e.Attribute("rel") ?? "alternate")
        {
            case "self":
                feed.FeedUrl ??= href;
                break;
            case "hub":
                feed.AddHub(href);
                break;
            case "alternate":
                feed.Link ??= href;
                break;
        }
    }

    public static Person? MakePerson(string? name, string? email, string? uri) =>
        name is null && email is null && uri is null ? null : new Person(name, email, uri);

    public static long? Length(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var length) && length > 0 ? length : null;

    /// <summary>A duration written as seconds ("3600", "3600.5") or clock time ("1:02:03", "62:03").</summary>
    public static TimeSpan? Duration(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var seconds = 0.0;
        foreach (var part in text.Trim().Split(':'))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0)
            {
                return null;
            }
            seconds = seconds * 60 + value;
        }
        return seconds is > 0 and < 1e7 ? TimeSpan.FromSeconds(seconds) : null;
    }

    private static bool IsAlternate(Element link) => (link.Attribute("rel") ?? "alternate") == "alternate";

    private static EntryBuilder.Html? Html(XmlReadContext ctx, Element e) =>
        ctx.Html(e) is { } html ? new EntryBuilder.Html(html, ctx.BaseFor(e)) : null;

    private static void ReadDublinCore(XmlReadContext ctx, Element e, EntryBuilder entry, string? language)
    {
        switch (e.LocalName)
        {
            case "creator" or "contributor" when e.Ns == Ns.Dc:
                entry.AddAuthor(People.Parse(ctx.Text(e)));
                break;
            case "date" or "issued" or "created" or "available":
                entry.Published ??= ctx.Date(e, language);
                break;
            case "modified":
                entry.Updated ??= ctx.Date(e, language);
                break;
            case "subject":
                entry.AddCategory(ctx.Text(e));
                break;
            case "title":
                entry.Title ??= ctx.PlainText(e);
                break;
            case "description" or "abstract":
                entry.Description ??= Html(ctx, e);
                break;
            case "identifier":
                entry.Id ??= ctx.Text(e);
                break;
            case "language":
                entry.Language ??= ctx.Text(e);
                break;
        }
    }

    /// <summary>Media RSS: content (also inside groups), thumbnails, descriptions and titles.</summary>
    private static void ReadMedia(XmlReadContext ctx, Element e, EntryBuilder entry)
    {
        switch (e.LocalName)
        {
            case "group":
                foreach (var child in e.Children)
                {
                    if (child.Ns == Ns.Media)
                    {
                        ReadMedia(ctx, child, entry);
                    }
                }
                break;
            case "content":
                var url = ctx.Url(e, e.Attribute("url"));
                var type = e.Attribute("type");
                var medium = e.Attribute("medium");
                if (medium == "image" || type?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true)
                {
                    entry.ImageUrl ??= url;
                }
                entry.AddEnclosure(url, type, Length(e.Attribute("fileSize")), Duration(e.Attribute("duration")));
                foreach (var child in e.Children)
                {
                    if (child.Ns == Ns.Media && child.LocalName is "thumbnail" or "description" or "title")
                    {
                        ReadMedia(ctx, child, entry);
                    }
                }
                break;
            case "thumbnail":
                entry.ImageUrl ??= ctx.Url(e, e.Attribute("url"));
                break;
            case "description":
                if (entry.ExtensionDescription is null && ctx.Text(e) is { } description)
                {
                    var html = e.Attribute("type") == "html" ? description : PlainTextHtml.Convert(description);
                    entry.ExtensionDescription = html is null ? null : new EntryBuilder.Html(html, ctx.BaseFor(e));
                }
                break;
            case "title":
                entry.Title ??= ctx.PlainText(e);
                break;
        }
    }

    private static void ReadITunesEntry(XmlReadContext ctx, Element e, EntryBuilder entry)
    {
        switch (e.LocalName)
        {
            case "author":
                if (!entry.HasAuthors)
                {
                    entry.AddAuthor(People.Parse(ctx.Text(e)));
                }
                break;
            case "summary" or "subtitle":
                if (entry.ExtensionDescription is null && PlainTextHtml.Convert(ctx.Text(e)) is { } html)
                {
                    entry.ExtensionDescription = new EntryBuilder.Html(html, ctx.BaseFor(e));
                }
                break;
            case "image":
                entry.ImageUrl ??= ctx.Url(e, e.Attribute("href"));
                break;
            case "duration":
                entry.Duration ??= Duration(ctx.Text(e));
                break;
            case "title":
                entry.Title ??= ctx.PlainText(e);
                break;
        }
    }

    private static void ReadITunesCategory(Element e, FeedBuilder feed)
    {
        feed.AddCategory(e.Attribute("text"));
        foreach (var child in e.Children)
        {
            if (child.Ns == Ns.ITunes && child.LocalName == "category")
            {
                ReadITunesCategory(child, feed);
            }
        }
    }
}
