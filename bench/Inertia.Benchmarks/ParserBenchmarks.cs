using System.ServiceModel.Syndication;
using System.Xml;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Inertia.Feeds;

namespace Inertia.Benchmarks;

/// <summary>Shared set-up: a short, repeatable job with memory diagnostics and the throughput columns.</summary>
public sealed class ParserConfig : ManualConfig
{
    public ParserConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(20));
        AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
        AddColumn(new ThroughputColumn(allocations: false), new ThroughputColumn(allocations: true));
    }
}

/// <summary>
/// Inertia's parser beside a bare <see cref="XmlReader"/> pass (the floor for any XML-based parser), on the
/// documents XmlReader can read (the broken ones are left out of this comparison, not out of the corpus).
/// </summary>
[Config(typeof(ParserConfig))]
public class XmlReaderComparison : ISizedBenchmark
{
    private static readonly FeedParser Sanitizing = new();
    private static readonly FeedParser NotSanitizing = new(FeedParserOptions.Default with { SanitizeHtml = false });
    private IReadOnlyList<byte[]> _documents = [];

    [Params("seed", "corpus")]
    public string Set { get; set; } = "seed";

    [GlobalSetup]
    public void Setup() => _documents = FeedFiles.ReadableByXmlReader(Set);

    public long InputBytes(string methodName) => FeedFiles.ReadableByXmlReader(Set).Sum(d => (long)d.Length);

    [Benchmark(Baseline = true, Description = "XmlReader tokenize only")]
    public int XmlReaderTokenize()
    {
        var nodes = 0;
        foreach (var document in _documents)
        {
            using var reader = XmlReader.Create(new MemoryStream(document), FeedFiles.TokenizerSettings);
            while (reader.Read())
            {
                nodes++;
            }
        }
        return nodes;
    }

    [Benchmark(Description = "Inertia parse, no sanitizing")]
    public int InertiaParse() => FeedFiles.ParseAll(NotSanitizing, _documents);

    [Benchmark(Description = "Inertia parse + sanitize")]
    public int InertiaParseSanitized() => FeedFiles.ParseAll(Sanitizing, _documents);
}

/// <summary>Inertia's parser beside <see cref="SyndicationFeed"/>, on the documents SyndicationFeed can read.</summary>
[Config(typeof(ParserConfig))]
public class SyndicationComparison : ISizedBenchmark
{
    private static readonly FeedParser NotSanitizing = new(FeedParserOptions.Default with { SanitizeHtml = false });
    private IReadOnlyList<byte[]> _documents = [];

    [Params("seed", "corpus")]
    public string Set { get; set; } = "seed";

    [GlobalSetup]
    public void Setup() => _documents = FeedFiles.ReadableBySyndication(Set);

    public long InputBytes(string methodName) => FeedFiles.ReadableBySyndication(Set).Sum(d => (long)d.Length);

    [Benchmark(Baseline = true, Description = "SyndicationFeed.Load")]
    public int SyndicationLoad()
    {
        var items = 0;
        foreach (var document in _documents)
        {
            using var reader = XmlReader.Create(new MemoryStream(document), FeedFiles.TokenizerSettings);
            items += SyndicationFeed.Load(reader).Items.Count();
        }
        return items;
    }

    [Benchmark(Description = "Inertia parse, no sanitizing")]
    public int InertiaParse() => FeedFiles.ParseAll(NotSanitizing, _documents);
}

/// <summary>Inertia's parser over every document of the corpus, broken and JSON ones included.</summary>
[Config(typeof(ParserConfig))]
public class WholeCorpus : ISizedBenchmark
{
    private static readonly FeedParser Sanitizing = new();
    private static readonly FeedParser NotSanitizing = new(FeedParserOptions.Default with { SanitizeHtml = false });
    private IReadOnlyList<byte[]> _documents = [];

    [GlobalSetup]
    public void Setup() => _documents = FeedFiles.Set("corpus");

    public long InputBytes(string methodName) => FeedFiles.Set("corpus").Sum(d => (long)d.Length);

    [Benchmark(Baseline = true, Description = "Inertia parse, no sanitizing")]
    public int InertiaParse() => FeedFiles.ParseAll(NotSanitizing, _documents);

    [Benchmark(Description = "Inertia parse + sanitize")]
    public int InertiaParseSanitized() => FeedFiles.ParseAll(Sanitizing, _documents);
}
