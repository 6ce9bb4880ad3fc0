namespace Inertia.Storage.Rules;

/// <summary>
/// What rules did to a reader's entry (<see cref="Done"/>) and the first rule that acted on it: its id, and its name
/// while it exists (null once deleted). The article view shows it.
/// </summary>
internal sealed record RuleMark(long RuleId, string? RuleName, RuleActions Done);
