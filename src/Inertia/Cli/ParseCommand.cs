using System.CommandLine;
using System.Globalization;
using Inertia.Feeds;
using Inertia.Fetching;
using Inertia.Hosting;

namespace Inertia.Cli;

/// <summary><c>inertia parse FILE|URL [--json]</c>: reads one feed and prints what Inertia understood of it.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "A feed file, a feed URL (http or https), or '-' for standard input." };
        var json = new Option<bool>("--json") { Description = "Print the feed as JSON (the documented contract in docs/parse-json.md)." };
        var noSanitize = new Option<bool>("--no-sanitize") { Description = "Leave summaries and contents as the feed wrote them (unsafe to display)." };
        var command = new Command("parse", "Parse a feed and print a summary, or the whole feed as JSON.") { source, json, noSanitize, CommonOptions.AllowNetwork };
        command.SetAction(async (result, cancellationToken) =>
        {
            var parser = new FeedParser(FeedParserOptions.Default with { SanitizeHtml = !result.GetValue(noSanitize) });
            Feed feed;
            try
            {
                feed = await ReadAsync(parser, result.GetRequiredValue(source), () => CommonOptions.FetchOptions(result, InertiaConfiguration.Load()), cancellationToken);
            }
            catch (Exception e) when (e is FeedParseException or FetchException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                await Console.Error.WriteLineAsync($"inertia parse: {e.Message}");
                return 1;
            }
            if (result.GetValue(json))
            {
                using var stdout = Console.OpenStandardOutput();
                FeedJson.Write(feed, stdout);
                await stdout.WriteAsync("\n"u8.ToArray(), cancellationToken);
            }
            else
            {
                WriteSummary(feed, Console.Out);
            }
            return 0;
        });
        return command;
    }

    private static async Task<Feed> ReadAsync(FeedParser parser, string source, Func<FetchOptions> fetchOptions, CancellationToken cancellationToken)
    {
        if (source == "-")
        {
            return await parser.ParseAsync(Console.OpenStandardInput(), cancellationToken: cancellationToken);
        }
        if (source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(source, UriKind.Absolute, out var url) || url.Host.Length == 0)
            {
                throw new ArgumentException($"\"{source}\" is not a valid URL.");
            }
            using var fetcher = new HttpFetcher(fetchOptions());
            var response = await fetcher.FetchAsync(url, cancellationToken: cancellationToken);
            if (!response.IsSuccess)
            {
                throw new IOException(response.Description);
            }
            return parser.Parse(response.Body.Span, response.ContentType, response.FinalUrl);
        }
        if (source.Contains("://", StringComparison.Ordinal))
        {
            throw new ArgumentException($"\"{source}\" is not an http or https URL; parse reads a file, standard input ('-'), or fetches an http or https URL.");
        }
        if (Directory.Exists(source))
        {
            throw new ArgumentException($"\"{source}\" is a directory; give the path of a feed file.");
        }
        await using var file = File.OpenRead(source);
        // A file has no web address: relative URLs resolve only against the feed's xml:base and its own link.
        return await parser.ParseAsync(file, cancellationToken: cancellationToken);
    }

    private static void WriteSummary(Feed feed, TextWriter output)
    {
        output.WriteLine($"Format:    {feed.Format.ToContractName()}");
        output.WriteLine($"Title:     {feed.Title ?? "(none)"}");
        output.WriteLine($"Link:      {feed.Link ?? "(none)"}");
        if (feed.FeedUrl is not null)
        {
            output.WriteLine($"Feed URL:  {feed.FeedUrl}");
        }
        if (feed.Language is not null)
        {
            output.WriteLine($"Language:  {feed.Language}");
        }
        if ((feed.Updated ?? feed.Published) is { } date)
        {
            output.WriteLine($"Updated:   {FeedJson.FormatDate(date)}");
        }
        output.WriteLine($"Entries:   {feed.Entries.Count}");
        output.WriteLine($"Warnings:  {feed.Warnings.Count}");
        foreach (var warning in feed.Warnings)
        {
            output.WriteLine($"  - {warning}");
        }
        if (feed.Entries.Count == 0)
        {
            return;
        }
        output.WriteLine();
        output.WriteLine(feed.Entries.Count > 10 ? "First 10 entries:" : "Entries:");
        foreach (var entry in feed.Entries.Take(10))
        {
            var when = (entry.Published ?? entry.Updated)?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "(no date)       ";
            output.WriteLine($"  {when}  {entry.Title ?? entry.Link ?? entry.Id}");
        }
    }
}
