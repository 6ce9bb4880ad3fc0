using Inertia.Storage.Importing;
using Inertia.Web.Localization;

namespace Inertia.Web.Pages.Subscriptions;

/// <summary>What an import's progress page and its JSON say about where the import stands.</summary>
internal static class ImportText
{
    public static string Status(ImportProgress progress, Translator t) => progress.Status switch
    {
        ImportStatus.Queued => t["Waiting for another import to finish…"],
        ImportStatus.Running => t["Importing: {0} of {1} feeds done.", progress.Done, progress.Total],
        ImportStatus.Done => t["Finished: {0} added, {1} skipped, {2} failed.", progress.Added, progress.Skipped, progress.Failed],
        _ => t["Interrupted: the server stopped before the import finished ({0} of {1} feeds done). Upload the file again to finish: feeds already added are skipped.", progress.Done, progress.Total],
    };

    /// <summary>The short word for a list of imports.</summary>
    public static string Word(ImportStatus status, Translator t) => status switch
    {
        ImportStatus.Queued => t["Waiting"],
        ImportStatus.Running => t["Running"],
        ImportStatus.Done => t["Finished"],
        _ => t["Interrupted"],
    };
}
