using System.Globalization;
using Inertia.Storage;

namespace Inertia.SearchBench;

/// <summary>The command line: which engine, how much data, where the corpus is, how often each query runs.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        Usage: Inertia.SearchBench [--engine sqlite|postgres] [--entries N] [--feeds F] [--data DIR]
                                   [--postgres CONNSTRING] [--corpus DIR] [--repeat K] [--scan-repeat S]
                                   [--out FILE.json] [--seed N] [--load-workers W] [--reuse] [--load-only] [--explain FILE]
          --engine        sqlite (default) or postgres
          --entries       entries to generate and store (default 1000000)
          --feeds         feeds they are spread over (default 1000), in 10 folders, one user following all
          --data          the SQLite data folder (default .build/search-bench/data-sqlite); must hold no inertia.db yet
          --postgres      a Npgsql connection string to an empty database (needed with --engine postgres)
          --corpus        the shared feed corpus (default ../shared/corpus from the repository root)
          --repeat        timed runs of each search (default 20), after one warm-up
          --scan-repeat   timed runs of each LIKE scan, the baseline (default 3)
          --out           where to write the results as JSON
          --seed          the generator's seed (default 20261207)
          --load-workers  feeds loaded at once (default 2): one builds entries while another writes
          --reuse         use a database this tool already loaded with the same --entries, --feeds and --seed
          --load-only     load (or check a --reuse database), measure the sizes, and stop before the searches
          --explain       write each search's query plans (page and count) to FILE
        """;

    public DatabaseEngine Engine { get; init; } = DatabaseEngine.Sqlite;
    public int Entries { get; init; } = 1_000_000;
    public int Feeds { get; init; } = 1_000;
    public string? DataFolder { get; init; }
    public string? Postgres { get; init; }
    public string? Corpus { get; init; }
    public int Repeat { get; init; } = 20;
    public int ScanRepeat { get; init; } = 3;
    public string? Out { get; init; }
    public int Seed { get; init; } = 20261207;
    public int LoadWorkers { get; init; } = 2;
    public bool Reuse { get; init; }
    public string? Explain { get; init; }
    public bool LoadOnly { get; init; }

    /// <summary>Reads the arguments; throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value()
            {
                if (i + 1 >= args.Length)
                {
                    throw new ArgumentException($"{name} needs a value");
                }
                return args[++i];
            }
            options = name switch
            {
                "--engine" => options with
                {
                    Engine = Value().ToLowerInvariant() switch
                    {
                        "sqlite" => DatabaseEngine.Sqlite,
                        "postgres" or "postgresql" => DatabaseEngine.Postgres,
                        var other => throw new ArgumentException($"--engine takes sqlite or postgres, not {other}"),
                    },
                },
                "--entries" => options with { Entries = Number(name, Value(), 1) },
                "--feeds" => options with { Feeds = Number(name, Value(), 1) },
                "--data" => options with { DataFolder = Value() },
                "--postgres" => options with { Postgres = Value() },
                "--corpus" => options with { Corpus = Value() },
                "--repeat" => options with { Repeat = Number(name, Value(), 1) },
                "--scan-repeat" => options with { ScanRepeat = Number(name, Value(), 0) },
                "--out" => options with { Out = Value() },
                "--seed" => options with { Seed = Number(name, Value(), 0) },
                "--load-workers" => options with { LoadWorkers = Number(name, Value(), 1) },
                "--reuse" => options with { Reuse = true },
                "--explain" => options with { Explain = Value() },
                "--load-only" => options with { LoadOnly = true },
                "--help" or "-h" => throw new ArgumentException(""),
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }
        if (options.Engine == DatabaseEngine.Postgres && string.IsNullOrWhiteSpace(options.Postgres))
        {
            throw new ArgumentException("--engine postgres needs --postgres CONNSTRING");
        }
        if (options.Feeds > options.Entries)
        {
            throw new ArgumentException("--feeds cannot exceed --entries");
        }
        return options;
    }

    private static int Number(string name, string value, int min) =>
        int.TryParse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min
            ? number
            : throw new ArgumentException($"{name} takes a whole number of at least {min}, not {value}");
}
