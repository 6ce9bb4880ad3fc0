using System.Security.Cryptography;
using System.Text;
using Inertia.Feeds.Html;

namespace Inertia.Feeds.Formats;

/// <summary>
/// Collects what a dialect says about one entry, in whatever order its elements come, and makes the
/// normalized <see cref="Entry"/>: the first value of each field wins, people, categories and enclosures
/// are de-duplicated, HTML is sanitized against its own base, and the entry's identity is settled.
/// </summary>
internal sealed class EntryBuilder
{
    private readonly List<Person> _authors = [];
    private readonly List<string> _categories = [];
    private readonly List<Enclosure> _enclosures = [];

    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Link { get; set; }

    /// <summary>A link that stands in when the entry has no other (a permalink guid, a feedburner original).</summary>
    public string? FallbackLink { get; set; }

    public DateTimeOffset? Published { get; set; }

    public DateTimeOffset? Updated { get; set; }

    /// <summary>The fullest text (content:encoded, Atom content, JSON content_html).</summary>
    public Html? FullContent { get; set; }

    /// <summary>The dialect's description or summary.</summary>
    public Html? Description { get; set; }

    /// <summary>A description from an extension (Media RSS, iTunes), used when the entry has nothing better.</summary>
    public Html? ExtensionDescription { get; set; }

    public string? CommentsUrl { get; set; }

    public string? CommentsFeedUrl { get; set; }

    public int? CommentCount { get; set; }

    public string? ImageUrl { get; set; }

    public string? Language { get; set; }

    public TimeSpan? Duration { get; set; }

    public bool HasAuthors => _authors.Count > 0;

    public void AddAuthor(Person? person)
    {
        if (person is null || (person.Name is null && person.Email is null && person.Uri is null))
        {
            return;
        }
        foreach (var known in _authors)
        {
            if (string.Equals(known.Name, person.Name, StringComparison.OrdinalIgnoreCase)
                && (known.Email is null || person.Email is null || string.Equals(known.Email, person.Email, StringComparison.OrdinalIgnoreCase)))
            {
                return;
            }
        }
        _authors.Add(person);
    }

    public void AddCategory(string? category) => AddDistinct(_categories, category);

    public void AddEnclosure(string? url, string? type, long? length, TimeSpan? duration = null)
    {
        if (string.IsNullOrEmpty(url))
        {
            return;
        }
        for (var i = 0; i < _enclosures.Count; i++)
        {
            var known = _enclosures[i];
            if (known.Url == url)
            {
                // The same file named twice (enclosure and media:content): keep what either one knew.
                _enclosures[i] = known with
                {
                    Type = known.Type ?? type,
                    Length = known.Length ?? length,
                    Duration = known.Duration ?? duration,
                };
                return;
            }
        }
        _enclosures.Add(new Enclosure(url, string.IsNullOrWhiteSpace(type) ? null : type.Trim(), length is > 0 ? length : null) { Duration = duration });
    }

    public Entry Build(FeedParserOptions options)
    {
        var content = FullContent ?? Description ?? ExtensionDescription;
        var summary = FullContent is not null ? Description ?? ExtensionDescription : null;
        if (summary is not null && content is not null && summary.Value.Source == content.Value.Source)
        {
            summary = null;
        }
        var enclosures = _enclosures;
        if (Duration is { } duration && enclosures.Count > 0 && enclosures[0].Duration is null)
        {
            enclosures[0] = enclosures[0] with { Duration = duration };
        }
        var link = Link ?? FallbackLink;
        return new Entry
        {
            Id = Identity(link, content),
            Title = Title,
            Link = link,
            Authors = _authors.Count == 0 ? [] : [.. _authors],
            Published = Published,
            Updated = Updated,
            Summary = summary?.Render(options),
            Content = content?.Render(options),
            Categories = _categories.Count == 0 ? [] : [.. _categories],
            Enclosures = enclosures.Count == 0 ? [] : [.. enclosures],
            CommentsUrl = CommentsUrl,
            CommentsFeedUrl = CommentsFeedUrl,
            CommentCount = CommentCount,
            ImageUrl = ImageUrl,
            Language = Language,
        };
    }

    /// <summary>
    /// The document's own id; else the link; else a SHA-256 over the title, the content as written and the
    /// first enclosure, so that the same entry always gets the same id while different entries without ids
    /// or links do not collide.
    /// </summary>
    private string Identity(string? link, Html? content)
    {
        if (!string.IsNullOrWhiteSpace(Id))
        {
            return Id.Trim();
        }
        if (link is not null)
        {
            return link;
        }
        var material = string.Join('\u001F', Title ?? "", content?.Source ?? "", _enclosures.Count > 0 ? _enclosures[0].Url : "");
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }

    internal static void AddDistinct(List<string> list, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }
        var trimmed = value.Trim();
        foreach (var known in list)
        {
            if (string.Equals(known, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }
        list.Add(trimmed);
    }

    /// <summary>HTML as the document gave it, with the base its relative URLs are relative to.</summary>
    public readonly record struct Html(string Source, Uri? Base)
    {
        public string Render(FeedParserOptions options) =>
            options.SanitizeHtml ? FeedHtmlSanitizer.Sanitize(Source, Base) : Source;
    }
}
