using Inertia.Storage.Rules;

namespace Inertia.Rules;

/// <summary>What the rules did to one entry: the first rule that changed it, every change, and the labels put on.</summary>
internal sealed class RuleOutcome(long ruleId)
{
    public long RuleId { get; } = ruleId;
    public RuleActions Done { get; set; }
    public List<string> Labels { get; } = [];
}
