namespace Inertia.Storage.Entries;

/// <summary>How many entries a merge inserted and updated.</summary>
internal readonly record struct MergeResult(int Inserted, int Updated);
