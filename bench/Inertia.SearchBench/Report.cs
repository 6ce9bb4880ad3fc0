using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inertia.SearchBench;

/// <summary>Everything one run measured, as written to --out.</summary>
internal sealed record BenchReport
{
    public required string Engine { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required string Machine { get; init; }
    public int Entries { get; init; }
    public int Feeds { get; init; }
    public int Seed { get; init; }
    public int Repeat { get; init; }
    public int ScanRepeat { get; init; }
    public required CorpusSummary Corpus { get; init; }
    public required LoadResult Load { get; init; }
    public required SizeResult Sizes { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
    public required IReadOnlyList<QueryResult> Queries { get; init; }
}

internal sealed record CorpusSummary(string Folder, int Files, int FailedFiles, int Entries, int ChineseSentences, int EnglishSentences, int OtherSentences);

internal static class Report
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string Cell(double? ms) => ms is { } value ? value.ToString("F2", CultureInfo.InvariantCulture) : "–";

    public static async Task WriteJsonAsync(BenchReport report, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, Json) + "\n");
    }

    public static string Markdown(BenchReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var s = report.Sizes;
        var text = new StringBuilder();
        text.AppendLine(c, $"### {report.Engine}: {report.Entries:N0} entries in {report.Feeds:N0} feeds ({report.Machine})");
        text.AppendLine();
        text.AppendLine(report.Load.Reused
            ? "Load: reused a database loaded before."
            : string.Create(c, $"Load: {report.Load.Entries:N0} entries in {report.Load.Seconds:F1} s, {report.Load.EntriesPerSecond:N0} entries/s (RefreshStore claim + complete, {Loader.ChunkSize} entries per completion); {report.Load.FailedCompletions} completions failed and were tried again; the longest completion took {report.Load.LongestCompletionSeconds:F1} s, {report.Load.CompletionsOver30Seconds} took over 30 s."));
        foreach (var failure in report.Load.Failures)
        {
            text.AppendLine(c, $"- failed completion: {failure}");
        }
        text.AppendLine(c, $"Text: {s.TextChars / 1e6:F1} M characters, {s.TextBytes / 1048576.0:F1} MB (UTF-8) of titles, contents and summaries.");
        text.AppendLine(c, $"Index: {s.IndexBytes / 1048576.0:F1} MB = **{s.IndexMbPerTextMb:F2} MB per MB of text** ({s.IndexMeasure}); the whole database {s.DatabaseBytes / 1048576.0:F1} MB.");
        text.AppendLine();
        text.AppendLine(c, $"| engine | query | text | path | count | p50 ms | p95 ms | p99 ms | scan p50 ms | ratio | substring check |");
        text.AppendLine("|---|---|---|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var q in report.Queries)
        {
            var count = q.Count is { } n ? (q.CountIsLowerBound ? "≥" : "") + n.ToString("N0", c) : "–";
            var scan = q.ScanP50Ms is { } sp ? sp.ToString("F1", c) : "–";
            var ratio = q.Ratio is { } r ? r.ToString(r < 0.01 ? "0.0000" : "0.000", c) : "–";
            var check = q.Check is null ? "" : q.Check == "OK" ? "OK" : "**MISMATCH**";
            var runs = q.TimesMs.Length > 0 && q.TimesMs.Length < report.Repeat ? string.Create(c, $" ({q.TimesMs.Length} runs)") : "";
            var times = q.Skipped is not null ? "**not run** | – | –" : q.Error is not null ? "**error** | – | –" : string.Create(c, $"{q.P50Ms:F2} | {q.P95Ms:F2}{runs} | {q.P99Ms:F2}");
            text.AppendLine(c, $"| {report.Engine} | {q.Label} | `{q.Text}`{(q.FolderScoped ? " in Folder 3" : "")} | {q.Path} | {count} | {times} | {scan} | {ratio} | {check} |");
        }
        text.AppendLine();
        text.AppendLine("Where a search's time goes (p50 ms of each statement run alone; the rest is parsing, the user's feeds and folders, and snippets):");
        text.AppendLine();
        text.AppendLine("| engine | query | path | index matches (counted to the search's limit) | count index matches | page SQL | count SQL | search p50 |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|---:|");
        foreach (var q in report.Queries)
        {
            var index = Cell(q.IndexCountMs);
            text.AppendLine(c, $"| {report.Engine} | {q.Label} | {q.Path} | {q.IndexMatches:N0} | {index} | {Cell(q.PageSqlMs)} | {Cell(q.CountSqlMs)} | {Cell(q.P50Ms)} |");
        }
        var details = report.Queries.Where(q => q.Check is not null || q.Skipped is not null || q.Error is not null).ToList();
        if (details.Count > 0)
        {
            text.AppendLine();
            foreach (var q in details)
            {
                var what = q.Check is not null ? $"{q.Check}: {q.CheckDetail}" : q.Skipped ?? "failed: " + q.Error;
                text.AppendLine(c, $"- {q.Label} `{q.Text}`: {what}");
            }
        }
        text.AppendLine();
        foreach (var note in report.Notes)
        {
            text.AppendLine(c, $"- {note}");
        }
        return text.ToString();
    }
}
