namespace Inertia.Feeds.Formats;

/// <summary>Collects what a dialect says about the feed itself, first value of each field winning, and its entries.</summary>
internal sealed class FeedBuilder(FeedFormat format, FeedParserOptions options, Warnings warnings)
{
    private readonly List<Person> _authors = [];
    private readonly List<string> _categories = [];
    private readonly List<string> _hubs = [];
    private readonly List<Entry> _entries = [];
    private readonly Dictionary<string, int> _entryIndex = new(StringComparer.Ordinal);

    public FeedFormat Format { get; set; } = format;

    public string? Title { get; set; }

    public string? Link { get; set; }

    public string? FeedUrl { get; set; }

    public string? Description { get; set; }

    public string? Language { get; set; }

    public DateTimeOffset? Updated { get; set; }

    public DateTimeOffset? Published { get; set; }

    public string? Image { get; set; }

    public string? Icon { get; set; }

    public string? Generator { get; set; }

    public string? Rights { get; set; }

    public TimeSpan? TimeToLive { get; set; }

    public TimeSpan? UpdateInterval { get; set; }

    public IReadOnlyList<Person> Authors => _authors;

    public void AddAuthor(Person? person)
    {
        if (person is not null && !_authors.Contains(person))
        {
            _authors.Add(person);
        }
    }

    public void AddCategory(string? category) => EntryBuilder.AddDistinct(_categories, category);

    public void AddHub(string? url)
    {
        if (url is not null && !_hubs.Contains(url))
        {
            _hubs.Add(url);
        }
    }

    /// <summary>
    /// Adds an entry. An id seen before in the same document is a publisher's mistake: an identical repeat is
    /// dropped, and a different entry under the same id gets the id qualified by a hash of its link and title,
    /// so that neither is lost and the result is the same on every fetch.
    /// </summary>
    public void AddEntry(EntryBuilder builder, int offset)
    {
        var entry = builder.Build(options);
        if (_entryIndex.TryGetValue(entry.Id, out var earlier))
        {
            var first = _entries[earlier];
            if (first.Link == entry.Link && first.Title == entry.Title && first.Content == entry.Content)
            {
                warnings.Add("an entry repeated with the same id and content was dropped", offset);
                return;
            }
            warnings.Add("two different entries share one id; the later one's id was made unique", offset);
            var qualifier = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes((entry.Link ?? "") + "\u001F" + (entry.Title ?? ""))))[..12];
            entry = entry with { Id = entry.Id + "#" + qualifier };
            if (_entryIndex.ContainsKey(entry.Id))
            {
                warnings.Add("an entry repeated with the same id and content was dropped", offset);
                return;
            }
        }
        _entryIndex[entry.Id] = _entries.Count;
        _entries.Add(entry);
    }

    public Feed Build() => new()
    {
        Format = Format,
        Title = Title,
        Link = Link,
        FeedUrl = FeedUrl,
        HubUrls = _hubs.Count == 0 ? [] : [.. _hubs],
        Description = Description,
        Language = Language,
        Updated = Updated,
        Published = Published,
        Authors = _authors.Count == 0 ? [] : [.. _authors],
        Image = Image,
        Icon = Icon,
        Generator = Generator,
        Rights = Rights,
        Categories = _categories.Count == 0 ? [] : [.. _categories],
        TimeToLive = TimeToLive,
        UpdateInterval = UpdateInterval,
        Entries = _entries,
        Warnings = warnings.ToList(),
    };
}
