namespace Inertia.Storage.Entries;

/// <summary>How many entries a merge inserted and updated, and how long the readers' rules took on the new ones.</summary>
internal readonly record struct MergeResult(int Inserted, int Updated)
{
    public TimeSpan InRules { get; init; }
}
