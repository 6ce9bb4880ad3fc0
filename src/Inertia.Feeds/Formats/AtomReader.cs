using System.Text;
using Inertia.Feeds.Html;
using Inertia.Feeds.Xml;

namespace Inertia.Feeds.Formats;

/// <summary>Reads Atom 1.0 (RFC 4287) and its pre-standard 0.3, whose names and content modes differ.</summary>
internal static class AtomReader
{
    public static Feed Read(XmlReadContext ctx, Element root, FeedFormat format, FeedParserOptions options)
    {
        var feed = new FeedBuilder(format, options, ctx.Warnings);
        var ns = root.Ns;
        feed.Language = root.Lang;
        ctx.FeedLanguage = feed.Language;
        Extensions.ReadFeedLinks(ctx, root, feed, e => e.Ns == ns && e.LocalName == "link");

        foreach (var e in root.Children)
        {
            if (e.Ns != ns)
            {
                Extensions.ReadFeedElement(ctx, e, feed);
                continue;
            }
            switch (e.LocalName)
            {
                case "title":
                    feed.Title ??= PlainText(ctx, e);
                    break;
                case "subtitle" or "tagline":
                    feed.Description ??= PlainText(ctx, e);
                    break;
                case "updated" or "modified":
                    feed.Updated ??= ctx.Date(e, feed.Language);
                    break;
                case "published" or "issued":
                    feed.Published ??= ctx.Date(e, feed.Language);
                    break;
                case "author":
                    feed.AddAuthor(ReadPerson(ctx, e));
                    break;
                case "category":
                    feed.AddCategory(e.Attribute("label") ?? e.Attribute("term") ?? ctx.Text(e));
                    break;
                case "generator":
                    feed.Generator ??= ctx.Text(e) ?? e.Attribute("uri") ?? e.Attribute("url");
                    break;
                case "icon":
                    feed.Icon ??= ctx.Url(e);
                    break;
                case "logo":
                    feed.Image ??= ctx.Url(e);
                    break;
                case "rights" or "copyright":
                    feed.Rights ??= PlainText(ctx, e);
                    break;
            }
        }
        foreach (var e in root.FindAll(e => e.Ns == ns && e.LocalName == "entry"))
        {
            if (e.Parent != root)
            {
                ctx.Warnings.Add($"an <entry> was found inside <{e.Parent!.QualifiedName}>, an element left unclosed; read anyway", e.TagStart);
            }
            feed.AddEntry(ReadEntry(ctx, e, feed, ns), e.TagStart);
        }
        return feed.Build();
    }

    private static EntryBuilder ReadEntry(XmlReadContext ctx, Element element, FeedBuilder feed, Ns ns)
    {
        var entry = new EntryBuilder { Language = XmlReadContext.OwnLanguage(element) };
        var language = entry.Language ?? feed.Language;
        Element? source = null;
        foreach (var e in element.Children)
        {
            if (e.Ns != ns)
            {
                Extensions.ReadEntryElement(ctx, e, entry, language);
                continue;
            }
            switch (e.LocalName)
            {
                case "id":
                    entry.Id ??= ctx.Text(e);
                    break;
                case "title":
                    entry.Title ??= PlainText(ctx, e);
                    break;
                case "link":
                    ReadEntryLink(ctx, e, entry);
                    break;
                case "updated" or "modified":
                    entry.Updated ??= ctx.Date(e, language);
                    break;
                case "published" or "issued" or "created":
                    entry.Published ??= ctx.Date(e, language);
                    break;
                case "author":
                    entry.AddAuthor(ReadPerson(ctx, e));
                    break;
                case "category":
                    entry.AddCategory(e.Attribute("label") ?? e.Attribute("term") ?? ctx.Text(e));
                    break;
                case "content":
                    entry.FullContent ??= ReadContent(ctx, e);
                    entry.Language ??= XmlReadContext.OwnLanguage(e);
                    break;
                case "summary":
                    entry.Description ??= ReadContent(ctx, e);
                    break;
                case "source":
                    source = e;
                    break;
            }
        }
        // RFC 4287 4.2.1: an entry without authors has those of its source, else those of the feed.
        if (!entry.HasAuthors && source is not null)
        {
            foreach (var e in source.Children)
            {
                if (e.Ns == ns && e.LocalName == "author")
                {
                    entry.AddAuthor(ReadPerson(ctx, e));
                }
            }
        }
        if (!entry.HasAuthors)
        {
            foreach (var author in feed.Authors)
            {
                entry.AddAuthor(author);
            }
        }
        return entry;
    }

    /// <summary>An entry's link: the alternate page (preferring HTML), an enclosure, or its comments.</summary>
    public static void ReadEntryLink(XmlReadContext ctx, Element e, EntryBuilder entry)
    {
        var href = ctx.Url(e, e.Attribute("href"));
        if (href is null)
        {
            return;
        }
        var type = e.Attribute("type");
        switch (e.Attribute("rel") ?? "alternate")
        {
            case "alternate":
                // Prefer the HTML page; an alternate of another type is used only when there is nothing else.
                if (type is null or "text/html" or "application/xhtml+xml")
                {
                    entry.Link ??= href;
                }
                else
                {
                    entry.FallbackLink ??= href;
                }
                break;
            case "enclosure":
                entry.AddEnclosure(href, type, Extensions.Length(e.Attribute("length")));
                break;
            case "replies":
                if (type is null or "text/html")
                {
                    entry.CommentsUrl ??= href;
                }
                else
                {
                    entry.CommentsFeedUrl ??= href;
                }
                entry.CommentCount ??= int.TryParse(e.Attribute(Ns.Thr, "count"), System.Globalization.CultureInfo.InvariantCulture, out var count) ? count : null;
                break;
        }
    }

    public static Person? ReadPerson(XmlReadContext ctx, Element e)
    {
        string? name = null, email = null, uri = null;
        foreach (var child in e.Children)
        {
            switch (child.LocalName)
            {
                case "name":
                    name ??= ctx.PlainText(child);
                    break;
                case "email":
                    email ??= ctx.Text(child);
                    break;
                case "uri" or "url":
                    uri ??= ctx.Url(child, allowMailto: true);
                    break;
            }
        }
        // Some feeds write the name as the element's text instead of in <name>.
        if (!e.HasChildElements)
        {
            return People.Parse(ctx.Text(e));
        }
        return Extensions.MakePerson(name, email, uri);
    }

    /// <summary>An Atom text construct or content element as HTML, whatever its type or (Atom 0.3) mode.</summary>
    public static EntryBuilder.Html? ReadContent(XmlReadContext ctx, Element e)
    {
        if (e.Attribute("src") is not null && !e.HasChildElements && ctx.Text(e) is null)
        {
            return null; // Out-of-line content: the link says where it is.
        }
        var html = Kind(e) switch
        {
            ContentKind.Text => PlainTextHtml.Convert(ctx.Source.TextOf(e)),
            ContentKind.Xhtml => ctx.Html(XhtmlWrapper(e) ?? e),
            ContentKind.Base64 => DecodeBase64(ctx, e),
            _ => ctx.Html(e),
        };
        return html is null ? null : new EntryBuilder.Html(html, ctx.BaseFor(e));
    }

    private static string? PlainText(XmlReadContext ctx, Element e) => Kind(e) switch
    {
        ContentKind.Text => CollapseWhitespace(ctx.Text(e)),
        ContentKind.Xhtml => ctx.PlainText(XhtmlWrapper(e) ?? e),
        ContentKind.Base64 => DecodeBase64(ctx, e) is { } html ? HtmlText.ToPlainText(html) : null,
        _ => ctx.PlainText(e),
    };

    private enum ContentKind
    {
        Text,
        Html,
        Xhtml,
        Base64,
    }

    private static ContentKind Kind(Element e)
    {
        var mode = e.Attribute("mode");
        if (mode == "base64")
        {
            return ContentKind.Base64;
        }
        var type = e.Attribute("type");
        if (type is null)
        {
            // Atom 0.3 defaults to escaped text/plain unless the element holds markup; 1.0 defaults to text.
            return mode == "xml" || e.HasChildElements ? ContentKind.Xhtml : mode == "escaped" ? ContentKind.Html : ContentKind.Text;
        }
        return type.ToLowerInvariant() switch
        {
            "text" or "text/plain" => ContentKind.Text,
            "xhtml" or "application/xhtml+xml" => mode == "escaped" ? ContentKind.Html : ContentKind.Xhtml,
            "html" or "text/html" => mode == "xml" ? ContentKind.Xhtml : ContentKind.Html,
            _ => e.HasChildElements ? ContentKind.Xhtml : ContentKind.Html,
        };
    }

    /// <summary>Atom wraps XHTML content in a <c>div</c> that is not part of the content (RFC 4287 3.1.1.3).</summary>
    private static Element? XhtmlWrapper(Element e)
    {
        var first = e.FirstChild;
        return first is not null && first.NextSibling is null && first.LocalName == "div" && first.Ns is Ns.Xhtml or Ns.None ? first : null;
    }

    private static string? DecodeBase64(XmlReadContext ctx, Element e)
    {
        var text = ctx.Text(e);
        if (text is null)
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            ctx.Warnings.Add("base64 content could not be decoded and was left out", e.TagStart);
            return null;
        }
    }

    private static string? CollapseWhitespace(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c);
        }
        return builder.Length == 0 ? null : builder.ToString();
    }
}
