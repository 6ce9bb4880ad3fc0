namespace Inertia.Storage.Labels;

/// <summary>One of a reader's labels: its name as first written, and how many of the reader's entries carry it.</summary>
internal sealed record EntryLabel(string Name, long Count);
