using Inertia.Storage.Accounts;
using Inertia.Storage.Entries;
using Inertia.Web.Localization;
using Inertia.Web.Reading;
using Inertia.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inertia.Web.Pages;

/// <summary>The pages of the signed-in reader: they know the user and show the sidebar.</summary>
internal abstract class ReaderPageModel : PageModel
{
    internal User CurrentUser => HttpContext.RequiredUser();

    internal Translator T => HttpContext.RequestServices.GetRequiredService<Translator>();

    internal DateTimeOffset Now => HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();

    internal SidebarView SidebarView { get; private set; } = null!;

    /// <summary>
    /// Loads the sidebar with <paramref name="active"/> highlighted and the folder it is in open: a folder's
    /// list opens that folder, and so does a feed's when <paramref name="feedFolder"/> names the feed's folder.
    /// </summary>
    internal async Task LoadSidebarAsync(ListRef? active, CancellationToken cancellationToken, long? feedFolder = null, long? activeSearch = null)
    {
        var open = active is { View: EntryView.Folder } folder ? folder.Id : feedFolder;
        SidebarView = new SidebarView(await Sidebar.LoadAsync(HttpContext.RequestServices, CurrentUser, open, Now, cancellationToken), active, activeSearch);
    }

    /// <summary>Shows <paramref name="message"/> on the next page (after a redirect).</summary>
    internal void Flash(string message) => TempData["Message"] = message;
}
