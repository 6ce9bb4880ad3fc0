using System.Text;
using System.Text.RegularExpressions;
using Inertia.Feeds;
using Inertia.Feeds.Html;
using Inertia.Search;

namespace Inertia.SearchBench;

/// <summary>The language a sentence is counted in.</summary>
internal enum Language
{
    Chinese,
    English,
    Other,
}

/// <summary>
/// Sentences of real text from the shared feed corpus, read with the project's own parser and plain-text extraction,
/// by language: Chinese (mostly Han), English (ASCII letters in a feed that is English or says nothing) and other.
/// Every Chinese sentence ends in a character outside the unspaced scripts, so that sentences put side by side never
/// make a pair of characters that neither holds (the rare Chinese marker relies on it).
/// </summary>
internal sealed partial class Corpus
{
    private const int MinSentence = 12;
    private const int MaxSentence = 480;

    private Corpus(IReadOnlyList<string> chinese, IReadOnlyList<string> english, IReadOnlyList<string> other, int files, int failed, int entries)
    {
        Chinese = chinese;
        English = english;
        Other = other;
        Files = files;
        FailedFiles = failed;
        CorpusEntries = entries;
    }

    public IReadOnlyList<string> Chinese { get; }
    public IReadOnlyList<string> English { get; }
    public IReadOnlyList<string> Other { get; }
    public int Files { get; }
    public int FailedFiles { get; }
    public int CorpusEntries { get; }

    public IReadOnlyList<string> Pool(Language language) => language switch
    {
        Language.Chinese => Chinese,
        Language.English => English,
        _ => Other,
    };

    /// <summary>Reads feeds/*.xml|atom|rss|rdf|json and zh/* under <paramref name="folder"/>, in a fixed order.</summary>
    public static Corpus Read(string folder)
    {
        string[] extensions = [".xml", ".atom", ".rss", ".rdf", ".json"];
        var files = new List<string>();
        foreach (var sub in new[] { "feeds", "zh" })
        {
            var path = Path.Combine(folder, sub);
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path)
                    .Where(f => extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .Order(StringComparer.Ordinal));
            }
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var chinese = new List<string>();
        var english = new List<string>();
        var other = new List<string>();
        var failed = 0;
        var entries = 0;
        foreach (var file in files)
        {
            Feed feed;
            try
            {
                feed = FeedParser.Default.Parse(File.ReadAllBytes(file));
            }
            catch (FeedParseException)
            {
                failed++;
                continue;
            }
            var feedLanguage = feed.Language?.Trim().ToLowerInvariant();
            foreach (var entry in feed.Entries)
            {
                entries++;
                var language = entry.Language?.Trim().ToLowerInvariant() ?? feedLanguage;
                foreach (var html in new[] { entry.Title, entry.Summary, entry.Content })
                {
                    if (string.IsNullOrWhiteSpace(html))
                    {
                        continue;
                    }
                    foreach (var paragraph in Paragraphs(html))
                    {
                        foreach (var sentence in Sentences(paragraph))
                        {
                            if (!seen.Add(sentence))
                            {
                                continue;
                            }
                            switch (Classify(sentence, language))
                            {
                                case Language.Chinese:
                                    chinese.Add(EndChinese(sentence));
                                    break;
                                case Language.English:
                                    english.Add(sentence);
                                    break;
                                default:
                                    other.Add(sentence);
                                    break;
                            }
                        }
                    }
                }
            }
        }
        return new Corpus(chinese, english, other, files.Count, failed, entries);
    }

    /// <summary>The text of each block of an HTML fragment (code blocks left out), as plain text.</summary>
    private static IEnumerable<string> Paragraphs(string html)
    {
        var withoutCode = CodeBlock().Replace(html, " ");
        foreach (var block in BlockBoundary().Split(withoutCode))
        {
            var text = HtmlText.ToPlainText(block);
            if (text.Length >= MinSentence)
            {
                yield return text;
            }
        }
    }

    /// <summary>Sentences of a paragraph: after . ! ? (and a space), or after 。！？；; long ones cut at a space or a comma.</summary>
    private static IEnumerable<string> Sentences(string paragraph)
    {
        foreach (var raw in SentenceEnd().Split(paragraph))
        {
            var sentence = raw.Trim();
            while (sentence.Length > MaxSentence)
            {
                var cut = sentence.LastIndexOfAny([' ', '，', '、', ','], MaxSentence - 1);
                if (cut < MaxSentence / 2)
                {
                    cut = MaxSentence - 1;
                }
                if (char.IsHighSurrogate(sentence[cut]))
                {
                    cut--;
                }
                var head = sentence[..(cut + 1)].Trim();
                if (head.Length >= MinSentence)
                {
                    yield return head;
                }
                sentence = sentence[(cut + 1)..].Trim();
            }
            if (sentence.Length >= MinSentence && sentence.Any(char.IsLetter))
            {
                yield return sentence;
            }
        }
    }

    /// <summary>Chinese when most letters are Han (and few are kana or hangul); English when all but a few are ASCII letters in a feed that is English or undeclared.</summary>
    internal static Language Classify(string sentence, string? feedLanguage)
    {
        int letters = 0, han = 0, kanaOrHangul = 0, ascii = 0;
        foreach (var rune in sentence.EnumerateRunes())
        {
            if (!Rune.IsLetter(rune))
            {
                continue;
            }
            letters++;
            var value = rune.Value;
            if (value is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or >= 0x20000 and <= 0x3FFFF)
            {
                han++;
            }
            else if (value is (>= 0x3040 and <= 0x30FF) or (>= 0xAC00 and <= 0xD7AF) or (>= 0x1100 and <= 0x11FF))
            {
                kanaOrHangul++;
            }
            else if (value < 0x80)
            {
                ascii++;
            }
        }
        if (letters == 0)
        {
            return Language.Other;
        }
        if (han * 2 >= letters && kanaOrHangul * 20 < letters)
        {
            return Language.Chinese;
        }
        var englishFeed = feedLanguage is null or "" || feedLanguage.StartsWith("en", StringComparison.Ordinal) || feedLanguage.StartsWith("zh", StringComparison.Ordinal);
        return englishFeed && ascii * 50 >= letters * 49 && letters >= 8 ? Language.English : Language.Other;
    }

    /// <summary>A Chinese sentence that ends in a character of an unspaced script gets a full stop.</summary>
    private static string EndChinese(string sentence)
    {
        var last = sentence.EnumerateRunes().Last();
        return SearchText.IsUnspaced(last.Value) ? sentence + "。" : sentence;
    }

    [GeneratedRegex(@"<pre\b[\s\S]*?</pre\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"</?(?:p|div|li|ul|ol|h[1-6]|blockquote|br|tr|td|th|table|section|article|figure|figcaption|hr|dd|dt|dl)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockBoundary();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=\S)|(?<=[。！？；])", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();
}
