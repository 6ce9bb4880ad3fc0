using System.Collections.Concurrent;
using Inertia.Fetching;
using Inertia.Refresh;
using Spectre.Console;

namespace Inertia.Cli;

/// <summary>
/// Shows a refresh as it goes (a progress bar with feeds done, new entries and errors) and ends with a
/// summary table and the failures, each with its reason.
/// </summary>
internal sealed class RefreshProgress
{
    private readonly ConcurrentQueue<RefreshOutcome> _outcomes = new();
    private int _newEntries;
    private int _errors;

    public IReadOnlyCollection<RefreshOutcome> Outcomes => _outcomes;

    public async Task<int> RunAsync(int total, Func<Action<RefreshOutcome>, Task> refresh)
    {
        var console = AnsiConsole.Console;
        if (!console.Profile.Capabilities.Interactive)
        {
            await refresh(Record);
            return _outcomes.Count;
        }
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Refreshing", maxValue: Math.Max(total, 1));
                await refresh(outcome =>
                {
                    Record(outcome);
                    task.Increment(1);
                    task.Description = $"Refreshing: {Plural.Count(_outcomes.Count, "feed", "feeds")}, {Plural.Count(_newEntries, "new entry", "new entries")}, {Plural.Count(_errors, "error", "errors")}";
                });
            });
        return _outcomes.Count;
    }

    public void WriteSummary(TimeSpan elapsed)
    {
        var table = new Table().AddColumns("Result", "Feeds", "New entries", "Updated entries");
        foreach (var group in _outcomes.GroupBy(o => o.Result).OrderBy(g => g.Key))
        {
            table.AddRow(group.Key.ToString(), Count(group.Count()), Count(group.Sum(o => o.NewEntries)), Count(group.Sum(o => o.UpdatedEntries)));
        }
        table.AddRow("[bold]Total[/]", Count(_outcomes.Count), Count(_newEntries), Count(_outcomes.Sum(o => o.UpdatedEntries)));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"Refreshed {Plural.Count(_outcomes.Count, "feed", "feeds")} in {elapsed.TotalSeconds:0.0} s.");
        var inRules = _outcomes.Aggregate(TimeSpan.Zero, (sum, o) => sum + o.InRules);
        if (inRules > TimeSpan.Zero)
        {
            AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"Rules took {inRules.TotalSeconds:0.00} s of that.");
        }
        var failures = _outcomes.Where(o => o.Result is RefreshResult.Failed or RefreshResult.Gone).OrderBy(o => o.FeedId).ToList();
        if (failures.Count == 0)
        {
            return;
        }
        // One line per failure, never wrapped into a table, so that the reason stays whole in logs and pipes.
        AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"[bold]{Plural.Count(failures.Count, "feed", "feeds")} failed:[/]");
        foreach (var failure in failures.Take(50))
        {
            Console.WriteLine($"  feed {failure.FeedId} {UrlText.Redact(failure.Url)}: {failure.Error}");
        }
        if (failures.Count > 50)
        {
            Console.WriteLine($"  … and {failures.Count - 50} more.");
        }
    }

    private void Record(RefreshOutcome outcome)
    {
        _outcomes.Enqueue(outcome);
        Interlocked.Add(ref _newEntries, outcome.NewEntries);
        if (outcome.Result is RefreshResult.Failed or RefreshResult.Gone)
        {
            Interlocked.Increment(ref _errors);
        }
    }

    private static string Count(long value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
