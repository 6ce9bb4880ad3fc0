using Inertia.Storage.Importing;
using Microsoft.AspNetCore.Mvc;

namespace Inertia.Web.Pages.Subscriptions;

/// <summary>
/// An import's progress: counts, a progress bar and the feeds that failed with their reasons. The page's script
/// polls the JSON of <c>/subscriptions/import/{id}/progress</c>; without script the page reloads itself.
/// </summary>
internal sealed class ImportProgressModel(ImportStore imports) : ReaderPageModel
{
    [FromRoute] public long ImportId { get; set; }

    internal ImportProgress Progress { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await imports.GetAsync(CurrentUser.Id, ImportId, Now, withFailures: true, cancellationToken) is not { } progress)
        {
            return NotFound();
        }
        Progress = progress;
        await LoadSidebarAsync(null, cancellationToken);
        return Page();
    }
}
