namespace Inertia.Storage.Rules;

/// <summary>What a rule does to an entry; stored as these bits, on the rule and on the entries it acted on.</summary>
[Flags]
internal enum RuleActions
{
    None = 0,
    MarkRead = 1,
    Star = 2,

    /// <summary>Keeps the entry out of every list (it is marked read too); a search finds it with <c>is:hidden</c>.</summary>
    Hide = 4,

    /// <summary>Puts the rule's label on the entry.</summary>
    Label = 8,
}
