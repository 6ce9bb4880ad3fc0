using System.Globalization;
using System.Net;
using System.Text;
using Inertia.Feeds;

namespace Inertia.SearchBench;

/// <summary>The text of one generated entry before it becomes a parsed <see cref="Entry"/>: plain text, by paragraph.</summary>
internal sealed record GeneratedText(Language Language, string Title, IReadOnlyList<string> Paragraphs, string Author, IReadOnlyList<string> Tags)
{
    /// <summary>The body as the index sees it (paragraphs apart), for counting words while choosing queries.</summary>
    public string Body => string.Join(' ', Paragraphs);
}

/// <summary>
/// Makes the benchmark's entries from the corpus' sentences, the same ones for the same seed: about 40% Chinese,
/// 50% English and 10% other; titles of 5–80 characters; bodies of 300–4000 characters of whole sentences of the
/// entry's language in paragraphs; an author, 1–3 tags, a link, and a date in the last two years. Feed
/// <c>f</c> holds a contiguous run of entry numbers and draws from a generator of its own, so feeds can be made in
/// any order, in parallel. Twenty entries, spread evenly, carry the rare English word and twenty others the rare
/// Chinese pair.
/// </summary>
internal sealed class EntryGenerator
{
    public const int MarkerCount = 20;
    public const string EnglishMarker = "zyxquarkle";
    private const double TwoYearsMs = 2 * 365.25 * 24 * 3600 * 1000;

    private static readonly string[] EnglishAuthors =
    [
        "Alice Walker", "Ben Carter", "Chloe Nguyen", "David Okafor", "Emma Fischer", "Frank Moreau", "Grace Kim",
        "Henry Patel", "Isabel Romero", "Jack O'Brien", "Kate Lindqvist", "Liam Murphy", "Mia Rossi", "Noah Schmidt",
    ];

    private static readonly string[] ChineseAuthors = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴婷", "徐明", "孙丽"];

    private static readonly string[] OtherAuthors =
        ["José García", "Jürgen Müller", "Élodie Lefèvre", "Łukasz Nowak", "Ана Петрова", "Νίκος Παπαδόπουλος", "Søren Kjær", "Zoë Janssen"];

    private static readonly string[] EnglishTags =
        ["news", "technology", "science", "opinion", "linux", "web", "podcast", "culture", "politics", "sports", "health", "business", "apple", "design"];

    private static readonly string[] ChineseTags = ["编程", "技术", "新闻", "开源", "生活", "笔记", "教程", "读书", "随笔", "后端"];

    private static readonly string[] OtherTags = ["actualité", "technik", "política", "cultura", "wetenschap", "новости", "sport", "économie"];

    private readonly Corpus _corpus;
    private readonly int _seed;
    private readonly int _entries;
    private readonly int _feeds;
    private readonly string _chineseMarker;
    private readonly DateTimeOffset _now;

    public EntryGenerator(Corpus corpus, int seed, int entries, int feeds, string chineseMarker, DateTimeOffset now)
    {
        _corpus = corpus;
        _seed = seed;
        _entries = entries;
        _feeds = feeds;
        _chineseMarker = chineseMarker;
        _now = now;
    }

    /// <summary>Every author name and tag, which a Chinese query's substring check must not meet (the index holds them, the LIKE scan does not).</summary>
    public static IEnumerable<string> AuthorsAndTags => EnglishAuthors.Concat(ChineseAuthors).Concat(OtherAuthors).Concat(EnglishTags).Concat(ChineseTags).Concat(OtherTags);

    /// <summary>The entry numbers of feed <paramref name="feed"/>: entries are shared out evenly, in order.</summary>
    public (int First, int Count) FeedRange(int feed)
    {
        var per = _entries / _feeds;
        var extra = _entries % _feeds;
        var first = feed * per + Math.Min(feed, extra);
        return (first, per + (feed < extra ? 1 : 0));
    }

    /// <summary>Whether entry <paramref name="i"/> carries the rare English word (1) or the rare Chinese pair (2), or neither (0).</summary>
    public int MarkerOf(int i)
    {
        var stride = Math.Max(1, _entries / MarkerCount);
        if (i / stride >= MarkerCount || _entries < MarkerCount * 3)
        {
            return _entries < MarkerCount * 3 && i < MarkerCount * 2 ? 1 + (i % 2) : 0;
        }
        var offset = i % stride;
        return offset == stride / 3 ? 1 : offset == 2 * stride / 3 ? 2 : 0;
    }

    /// <summary>The entries of one feed, in order of their numbers.</summary>
    public IEnumerable<Entry> FeedEntries(int feed)
    {
        var random = new Random(Mix(_seed, feed + 1));
        var (first, count) = FeedRange(feed);
        for (var i = first; i < first + count; i++)
        {
            var text = Text(random);
            yield return ToEntry(feed, i, Plant(text, MarkerOf(i), random), random);
        }
    }

    /// <summary>Entries' text as the generator makes it, from a generator of its own: a sample for choosing queries by counting.</summary>
    public IEnumerable<GeneratedText> Sample(int count)
    {
        var random = new Random(Mix(_seed, 0));
        for (var i = 0; i < count; i++)
        {
            yield return Text(random);
        }
    }

    /// <summary>A seed for one feed's generator (not <see cref="HashCode"/>, which differs from process to process).</summary>
    private static int Mix(int seed, int stream)
    {
        var x = ((ulong)(uint)seed << 32) | (uint)stream;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return (int)((x ^ (x >> 31)) & int.MaxValue);
    }

    private GeneratedText Text(Random random)
    {
        var roll = random.NextDouble();
        var language = roll < 0.4 ? Language.Chinese : roll < 0.9 ? Language.English : Language.Other;
        var pool = _corpus.Pool(language);
        if (pool.Count == 0)
        {
            language = Language.English;
            pool = _corpus.English;
        }
        var title = Title(pool, language, random);
        // Body lengths spread evenly on a log scale between 300 and 4000 characters: many short, some long.
        var target = (int)Math.Round(300 * Math.Pow(4000.0 / 300, random.NextDouble()));
        var paragraphs = new List<string>();
        var length = 0;
        var misses = 0;
        var joiner = language == Language.Chinese ? "" : " ";
        while (length < target && misses < 8)
        {
            var sentences = random.Next(1, 6);
            var paragraph = new StringBuilder();
            for (var s = 0; s < sentences && length < target; s++)
            {
                var sentence = pool[random.Next(pool.Count)];
                var added = sentence.Length + (paragraph.Length > 0 ? joiner.Length : 1);
                if (length + added > 4000)
                {
                    misses++;
                    continue;
                }
                if (paragraph.Length > 0)
                {
                    paragraph.Append(joiner);
                }
                paragraph.Append(sentence);
                length += added;
            }
            if (paragraph.Length > 0)
            {
                paragraphs.Add(paragraph.ToString());
            }
        }
        var authors = language switch
        {
            Language.Chinese => ChineseAuthors,
            Language.English => EnglishAuthors,
            _ => OtherAuthors,
        };
        var tagList = language switch
        {
            Language.Chinese => ChineseTags,
            Language.English => EnglishTags,
            _ => OtherTags,
        };
        var tagCount = random.Next(1, 4);
        var tags = new List<string>(tagCount);
        while (tags.Count < tagCount)
        {
            var tag = tagList[random.Next(tagList.Length)];
            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }
        return new GeneratedText(language, title, paragraphs, authors[random.Next(authors.Length)], tags);
    }

    /// <summary>A title of 5–80 characters: the start of a sentence, cut at a word for spaced scripts.</summary>
    private static string Title(IReadOnlyList<string> pool, Language language, Random random)
    {
        var limit = random.Next(5, 81);
        var sentence = pool[random.Next(pool.Count)];
        var title = sentence.Length <= limit ? sentence : sentence[..limit];
        if (title.Length < sentence.Length && language != Language.Chinese)
        {
            var space = title.LastIndexOf(' ');
            if (space >= 5)
            {
                title = title[..space];
            }
        }
        if (char.IsHighSurrogate(title[^1]))
        {
            title = title[..^1];
        }
        title = title.Trim();
        return title.Length >= 5 ? title : sentence[..Math.Min(sentence.Length, 80)].Trim();
    }

    private GeneratedText Plant(GeneratedText text, int marker, Random random)
    {
        if (marker == 0)
        {
            return text;
        }
        var paragraphs = text.Paragraphs.ToList();
        var at = random.Next(paragraphs.Count + 1);
        // The Chinese pair stands alone between a space and a full stop: it makes no other new pair of characters.
        paragraphs.Insert(at, marker == 1 ? $"Notes on the {EnglishMarker} effect." : $"{_chineseMarker}。");
        return text with { Paragraphs = paragraphs };
    }

    private Entry ToEntry(int feed, int i, GeneratedText text, Random random)
    {
        var link = string.Create(CultureInfo.InvariantCulture, $"https://bench.example/f{feed}/e{i}");
        var content = new StringBuilder();
        foreach (var paragraph in text.Paragraphs)
        {
            content.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
        }
        return new Entry
        {
            Id = link,
            Link = link,
            Title = text.Title,
            Content = content.ToString(),
            Authors = [new Person(text.Author)],
            Categories = text.Tags,
            Published = _now.AddMilliseconds(-Math.Floor(random.NextDouble() * TwoYearsMs)),
        };
    }
}
