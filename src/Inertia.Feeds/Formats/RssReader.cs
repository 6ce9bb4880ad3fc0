using Inertia.Feeds.Xml;

namespace Inertia.Feeds.Formats;

/// <summary>
/// Reads RSS in all its versions: 0.90 and 1.0 (RDF, items beside the channel) and 0.91–2.0 (items inside it),
/// including items a broken feed put outside its channel.
/// </summary>
internal static class RssReader
{
    public static Feed Read(XmlReadContext ctx, Element root, FeedFormat format, FeedParserOptions options)
    {
        var feed = new FeedBuilder(format, options, ctx.Warnings);
        var core = root.NamespaceUri;
        var channel = root.LocalName == "channel" ? root : FindCore(root, "channel", core);
        if (channel is null)
        {
            ctx.Warnings.Add("the document has no <channel>; only its items were read", root.TagStart);
        }
        else
        {
            ReadChannel(ctx, channel, feed, core);
        }
        if (root.LocalName == "RDF")
        {
            ReadRdfImage(ctx, root, feed, core);
        }
        if (channel is not null)
        {
            ReadItems(ctx, channel, feed, core);
        }
        if (channel != root)
        {
            ReadItems(ctx, root, feed, core);
        }
        return feed.Build();
    }

    /// <summary>RSS core elements have no namespace, or RSS 1.0's or 0.90's, or whatever default namespace the root chose.</summary>
    private static bool IsCore(Element e, string rootNamespace) =>
        e.Ns is Ns.None or Ns.Rss10 or Ns.Rss090 || ReferenceEquals(e.NamespaceUri, rootNamespace);

    private static Element? FindCore(Element parent, string localName, string core)
    {
        foreach (var child in parent.Children)
        {
            if (child.LocalName == localName && IsCore(child, core))
            {
                return child;
            }
        }
        return null;
    }

    private static void ReadChannel(XmlReadContext ctx, Element channel, FeedBuilder feed, string core)
    {
        // The site link and language come first: they are the base for relative URLs and the hint for dates.
        var link = FindCore(channel, "link", core);
        feed.Link = ctx.Url(link);
        feed.Language = ctx.Text(FindCore(channel, "language", core)) ?? ctx.Text(channel.Child(Ns.Dc, "language")) ?? channel.Lang;
        ctx.FeedLanguage = feed.Language;
        Extensions.ReadFeedLinks(ctx, channel, feed, e => e.Ns == Ns.Atom10 && e.LocalName == "link");

        foreach (var e in channel.Children)
        {
            if (!IsCore(e, core))
            {
                if (e.LocalName != "link" || e.Ns is not (Ns.Atom10 or Ns.Atom03))
                {
                    Extensions.ReadFeedElement(ctx, e, feed);
                }
                continue;
            }
            switch (e.LocalName)
            {
                case "title":
                    feed.Title ??= ctx.PlainText(e);
                    break;
                case "description":
                    feed.Description ??= ctx.PlainText(e);
                    break;
                case "copyright":
                    feed.Rights ??= ctx.PlainText(e);
                    break;
                case "managingEditor":
                    feed.AddAuthor(People.Parse(ctx.Text(e)));
                    break;
                case "pubDate":
                    feed.Published ??= ctx.Date(e, feed.Language);
                    break;
                case "lastBuildDate":
                    feed.Updated ??= ctx.Date(e, feed.Language);
                    break;
                case "generator":
                    feed.Generator ??= ctx.Text(e);
                    break;
                case "category":
                    feed.AddCategory(ctx.Text(e));
                    break;
                case "image":
                    feed.Image ??= ctx.Url(FindCore(e, "url", core)) ?? ctx.Url(e, e.Attribute(Ns.Rdf, "resource"));
                    break;
                case "ttl":
                    feed.TimeToLive ??= ctx.Integer(e) is int minutes and > 0 ? TimeSpan.FromMinutes(minutes) : null;
                    break;
            }
        }
        feed.UpdateInterval = Extensions.SyndicationInterval(ctx, channel);
    }

    /// <summary>RSS 1.0 and 0.90 describe the channel's image in an element beside the channel.</summary>
    private static void ReadRdfImage(XmlReadContext ctx, Element root, FeedBuilder feed, string core)
    {
        var image = FindCore(root, "image", core);
        if (image is not null)
        {
            feed.Image = ctx.Url(FindCore(image, "url", core)) ?? ctx.Url(image, image.Attribute(Ns.Rdf, "about")) ?? feed.Image;
        }
    }

    private static void ReadItems(XmlReadContext ctx, Element parent, FeedBuilder feed, string core)
    {
        foreach (var item in parent.FindAll(e => e.LocalName == "item" && IsCore(e, core) || e.LocalName == "channel" && e != parent))
        {
            if (item.LocalName != "item")
            {
                continue; // Items inside the channel are read with the channel.
            }
            if (item.Parent != parent)
            {
                ctx.Warnings.Add($"an <item> was found inside <{item.Parent!.QualifiedName}>, an element left unclosed; read anyway", item.TagStart);
            }
            feed.AddEntry(ReadItem(ctx, item, feed, core), item.TagStart);
        }
    }

    private static EntryBuilder ReadItem(XmlReadContext ctx, Element item, FeedBuilder feed, string core)
    {
        var entry = new EntryBuilder
        {
            Language = XmlReadContext.OwnLanguage(item) ?? ctx.Text(item.Child(Ns.Dc, "language")),
        };
        var language = entry.Language ?? feed.Language;
        var about = item.Attribute(Ns.Rdf, "about");
        foreach (var e in item.Children)
        {
            if (!IsCore(e, core))
            {
                if (!Extensions.ReadEntryElement(ctx, e, entry, language))
                {
                    ReadAtomInRss(ctx, e, entry, language);
                }
                continue;
            }
            switch (e.LocalName)
            {
                case "title":
                    entry.Title ??= ctx.PlainText(e);
                    break;
                case "link":
                    entry.Link ??= ctx.Url(e);
                    break;
                case "description":
                    entry.Description ??= ctx.Html(e) is { } html ? new EntryBuilder.Html(html, ctx.BaseFor(e)) : null;
                    break;
                case "guid":
                    ReadGuid(ctx, e, entry);
                    break;
                case "pubDate":
                    entry.Published ??= ctx.Date(e, language);
                    break;
                case "author":
                    entry.AddAuthor(People.Parse(ctx.Text(e)));
                    break;
                case "category":
                    entry.AddCategory(ctx.Text(e));
                    break;
                case "enclosure":
                    entry.AddEnclosure(ctx.Url(e, e.Attribute("url")), e.Attribute("type"), Extensions.Length(e.Attribute("length")));
                    break;
                case "comments":
                    entry.CommentsUrl ??= ctx.Url(e);
                    break;
            }
        }
        if (entry.Id is null && about is not null)
        {
            entry.Id = about;
        }
        return entry;
    }

    /// <summary>A guid is the entry's id; unless it says <c>isPermaLink="false"</c>, it is also a link to use when there is no other.</summary>
    private static void ReadGuid(XmlReadContext ctx, Element e, EntryBuilder entry)
    {
        var guid = ctx.Text(e);
        if (guid is null || entry.Id is not null)
        {
            return;
        }
        entry.Id = guid;
        var isPermaLink = e.Attribute("isPermaLink");
        if (!string.Equals(isPermaLink, "false", StringComparison.OrdinalIgnoreCase)
            && Uri.TryCreate(guid, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            entry.FallbackLink ??= ctx.Url(e);
        }
    }

    /// <summary>Atom elements some RSS feeds add to items (link, dates, content, author).</summary>
    private static void ReadAtomInRss(XmlReadContext ctx, Element e, EntryBuilder entry, string? language)
    {
        if (e.Ns is not (Ns.Atom10 or Ns.Atom03))
        {
            return;
        }
        switch (e.LocalName)
        {
            case "link":
                AtomReader.ReadEntryLink(ctx, e, entry);
                break;
            case "updated" or "modified":
                entry.Updated ??= ctx.Date(e, language);
                break;
            case "published" or "issued":
                entry.Published ??= ctx.Date(e, language);
                break;
            case "author":
                entry.AddAuthor(AtomReader.ReadPerson(ctx, e));
                break;
            case "content":
                entry.FullContent ??= AtomReader.ReadContent(ctx, e);
                break;
            case "summary":
                entry.Description ??= AtomReader.ReadContent(ctx, e);
                break;
        }
    }
}
