using System.ServiceModel.Syndication;
using System.Xml;
using Inertia.Feeds;

namespace Inertia.Benchmarks;

/// <summary>
/// The documents the parser benchmarks read, loaded into memory once: the seed feed and the shared corpus
/// of real-world feeds (found at ../shared beside the repository), and the subsets each baseline can read,
/// so that every comparison runs over exactly the same bytes.
/// </summary>
public static class FeedFiles
{
    private static readonly Lazy<IReadOnlyList<byte[]>> CorpusDocuments = new(() =>
        Directory.GetFiles(Path.Combine(SharedFolder(), "corpus", "feeds"))
            .Where(path => !path.EndsWith(".tsv", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)
            .ToList());

    private static readonly Lazy<IReadOnlyList<byte[]>> SeedDocument = new(() =>
        [File.ReadAllBytes(Path.Combine(SharedFolder(), "seeds", "cloudflare-blog-rss2.xml"))]);

    public static readonly XmlReaderSettings TokenizerSettings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
    };

    /// <summary>A named set of documents: "seed" or "corpus".</summary>
    public static IReadOnlyList<byte[]> Set(string name) => name switch
    {
        "seed" => SeedDocument.Value,
        "corpus" => CorpusDocuments.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "expected seed or corpus"),
    };

    /// <summary>The documents of a set that a bare XmlReader reads to the end without an error.</summary>
    public static IReadOnlyList<byte[]> ReadableByXmlReader(string name) => Set(name).Where(bytes =>
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), TokenizerSettings);
            while (reader.Read())
            {
            }
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }).ToList();

    /// <summary>The documents of a set that System.ServiceModel.Syndication loads without an error.</summary>
    public static IReadOnlyList<byte[]> ReadableBySyndication(string name) => Set(name).Where(bytes =>
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), TokenizerSettings);
            return SyndicationFeed.Load(reader) is not null;
        }
        catch (Exception)
        {
            return false; // SyndicationFeed refuses whatever it does not support (RSS 0.91, Atom 0.3, broken XML…).
        }
    }).ToList();

    /// <summary>Parses every document and returns the number of entries read.</summary>
    public static int ParseAll(FeedParser parser, IReadOnlyList<byte[]> documents)
    {
        var entries = 0;
        foreach (var document in documents)
        {
            try
            {
                entries += parser.Parse(document).Entries.Count;
            }
            catch (FeedParseException)
            {
                // A document that cannot be read still costs its attempt: it is part of the work.
            }
        }
        return entries;
    }

    private static string SharedFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Inertia.slnx")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
            }
        }
        throw new DirectoryNotFoundException("The shared corpus (../shared beside the repository) was not found; the parser benchmarks need it.");
    }
}
