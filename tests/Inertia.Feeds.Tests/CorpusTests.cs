using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Inertia.Feeds.Tests;

/// <summary>
/// Every real-world feed of the shared corpus is read, with every entry it holds. Entry counts are checked
/// against an independent oracle: System.Xml.Linq for well-formed XML, System.Text.Json for JSON, and for
/// broken documents a count of item/entry start tags in the text.
/// </summary>
public partial class CorpusTests
{
    /// <summary>Files that cannot truly be read, with the reason; empty means the whole corpus is read.</summary>
    private static readonly Dictionary<string, string> Unreadable = new(StringComparer.Ordinal);

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        if (SharedData.Folder is null)
        {
            return data;
        }
        foreach (var row in Manifest())
        {
            data.Add(row.File);
        }
        return data;
    }

    [SharedDataTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_file_is_read_with_all_its_entries(string file)
    {
        var bytes = File.ReadAllBytes(SharedData.Corpus(file));
        if (Unreadable.TryGetValue(file, out var reason))
        {
            var error = Assert.Throws<FeedParseException>(() => FeedParser.Default.Parse(bytes));
            Assert.Contains(reason, error.Message, StringComparison.Ordinal);
            return;
        }
        var feed = FeedParser.Default.Parse(bytes);
        var dropped = feed.Warnings.Where(w => w.Message.Contains("repeated with the same id", StringComparison.Ordinal)).Sum(w => w.Count);
        Assert.Equal(ExpectedEntryCount(file, bytes), feed.Entries.Count + dropped);
        Assert.All(feed.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Id)));
        Assert.Equal(feed.Entries.Count, feed.Entries.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [SharedDataTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_file_format_matches_the_manifest(string file)
    {
        var row = Manifest().Single(r => r.File == file);
        if (Unreadable.ContainsKey(file))
        {
            return;
        }
        var expected = row.Format switch
        {
            "rss-2.0" or "rss-noversion" or "rss-in-json" or "other-root:br" => FeedFormat.Rss20,
            "rss-1.0" => FeedFormat.Rss10,
            "rss-0.90" => FeedFormat.Rss090,
            "rss-0.91" => FeedFormat.Rss091,
            "rss-0.92" => FeedFormat.Rss092,
            "atom-1.0" or "atom-1.0-wrapped-in-xhtml" => FeedFormat.Atom10,
            "atom-0.3" => FeedFormat.Atom03,
            "jsonfeed-1.0" => FeedFormat.Json10,
            "jsonfeed-1.1" or "json-other" => FeedFormat.Json11,
            _ => throw new InvalidOperationException($"unknown manifest format {row.Format}"),
        };
        Assert.Equal(expected, FeedParser.Default.Parse(File.ReadAllBytes(SharedData.Corpus(file))).Format);
    }

    [SharedDataFact]
    public void At_least_99_percent_of_the_corpus_is_read()
    {
        var files = Manifest().Select(r => r.File).ToList();
        var read = files.Count(f =>
        {
            try
            {
                return FeedParser.Default.Parse(File.ReadAllBytes(SharedData.Corpus(f))) is not null;
            }
            catch (FeedParseException)
            {
                return false;
            }
        });
        Assert.True(read >= files.Count * 0.99, $"{read} of {files.Count} read");
        Assert.Equal(files.Count - Unreadable.Count, read);
    }

    [SharedDataFact]
    public void Chinese_gb2312_feed_is_decoded()
    {
        var feed = FeedParser.Default.Parse(File.ReadAllBytes(SharedData.Corpus("nnw-kc0011.rss")));
        Assert.Contains(feed.Entries, e => e.Title is not null && e.Title.Any(c => c is >= '\u4E00' and <= '\u9FFF'));
        Assert.DoesNotContain(feed.Entries, e => (e.Title ?? "").Contains('\uFFFD', StringComparison.Ordinal));
    }

    private static int ExpectedEntryCount(string file, byte[] bytes)
    {
        if (file.EndsWith(".json", StringComparison.Ordinal))
        {
            try
            {
                using var json = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                var root = json.RootElement;
                return root.TryGetProperty("items", out var items) ? items.GetArrayLength()
                    : root.GetProperty("rss").GetProperty("channel").GetProperty("item").GetArrayLength();
            }
            catch (JsonException)
            {
                return Regex.Count(System.Text.Encoding.UTF8.GetString(bytes), "\"id\"\\s*:");
            }
        }
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            var document = XDocument.Load(reader);
            // An item inside an item (node-feedparser-illegally-nested.xml has empty ones) is not an entry.
            return document.Descendants().Count(e => IsEntryElement(e) && !e.Ancestors().Any(IsEntryElement));
        }
        catch (XmlException)
        {
            var text = System.Text.Encoding.Latin1.GetString(bytes);
            return EntryStartTag().Count(text);
        }
    }

    private static bool IsEntryElement(XElement e) => e.Name.LocalName switch
    {
        "item" => e.Name.NamespaceName is "" or "http://purl.org/rss/1.0/" or "http://my.netscape.com/rdf/simple/0.9/" or "http://backend.userland.com/rss2",
        "entry" => e.Name.NamespaceName is "http://www.w3.org/2005/Atom" or "http://purl.org/atom/ns#",
        _ => false,
    };

    [GeneratedRegex("<(item|entry)[\\s>]")]
    private static partial Regex EntryStartTag();

    private sealed record ManifestRow(string File, string Format, string Encoding, string WellFormed);

    private static IEnumerable<ManifestRow> Manifest() =>
        File.ReadLines(Path.Combine(SharedData.CorpusFolder, "MANIFEST.tsv"))
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Select(cells => new ManifestRow(cells[0], cells[4], cells[5], cells[8]));
}
