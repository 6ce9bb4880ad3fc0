namespace Inertia.Rules;

/// <summary>
/// What running a rule on stored entries found: how many entries it changed (or, tried out, would change), the first
/// of those, and why it stopped short when it failed.
/// </summary>
internal sealed record RuleRun(int Changed, IReadOnlyList<RuleRunSample> Samples, string? Failure);

/// <summary>An entry a rule changed or would change.</summary>
internal sealed record RuleRunSample(long EntryId, string? Title, string FeedTitle, DateTimeOffset PublishedAt);
