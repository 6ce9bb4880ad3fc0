namespace Inertia.Storage.Importing;

/// <summary>Where a background OPML import stands.</summary>
internal enum ImportStatus
{
    /// <summary>Accepted; waiting for the imports before it in its process.</summary>
    Queued,
    Running,
    Done,
    /// <summary>Its process stopped before it finished (a restart, a crash); what was done stays done.</summary>
    Interrupted,
}
