namespace Inertia.Feeds.Tests;

/// <summary>
/// The workplace's shared, read-only test data (the real-world feed corpus and the seed feed), found at
/// <c>../shared</c> beside the repository. A clone elsewhere has no such folder; tests that need it skip then.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The shared folder, or null when this clone stands alone.</summary>
    public static string? Folder => Root.Value;

    /// <summary>The corpus of real-world feeds.</summary>
    public static string CorpusFolder => Path.Combine(Require(), "corpus", "feeds");

    /// <summary>The seed feed: the Cloudflare Blog's RSS 2.0 feed.</summary>
    public static string SeedFeed => Path.Combine(Require(), "seeds", "cloudflare-blog-rss2.xml");

    /// <summary>Why shared-data tests are skipped here, or null when the data is present.</summary>
    public static string? SkipReason => Folder is null
        ? "Shared test data not found: ../shared (corpus and seeds) is absent beside this clone, so corpus tests are skipped."
        : null;

    /// <summary>The path of a corpus file by name.</summary>
    public static string Corpus(string fileName) => Path.Combine(CorpusFolder, fileName);

    private static string Require() => Folder ?? throw new InvalidOperationException(SkipReason);

    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Inertia.slnx")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                return Directory.Exists(Path.Combine(shared, "corpus", "feeds")) ? shared : null;
            }
        }
        return null;
    }
}

/// <summary>A fact that needs the shared test data and skips with a clear message without it.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        Skip = SharedData.SkipReason;
    }
}

/// <summary>A theory that needs the shared test data and skips with a clear message without it.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        Skip = SharedData.SkipReason;
    }
}
