namespace Inertia.Storage.Importing;

/// <summary>What became of one feed of an imported OPML file.</summary>
internal enum ImportOutcome
{
    /// <summary>Subscribed, and the feed was read (or someone already followed it).</summary>
    Added,
    /// <summary>The user already followed it; nothing changed.</summary>
    Skipped,
    /// <summary>Subscribed, but the feed could not be fetched or read; the refresh retries it later.</summary>
    Failed,
}
