using Inertia.Feeds;
using Inertia.Feeds.Opml;
using Inertia.Importing;
using Inertia.Storage.Importing;
using Microsoft.AspNetCore.Mvc;

namespace Inertia.Web.Pages.Subscriptions;

/// <summary>
/// Uploading an OPML file: it is read at once (a file that is not OPML is refused here, with the reason), then
/// imported in the background while the reader is sent to its progress page.
/// </summary>
internal sealed class ImportModel(ImportStore imports, ImportQueue queue) : ReaderPageModel
{
    /// <summary>The largest file accepted: subscription lists of thousands of feeds are a few hundred kilobytes.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }

    internal IReadOnlyList<ImportProgress> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is not { Length: > 0 } file)
        {
            return await FailAsync(T["Choose an OPML file to import."], cancellationToken);
        }
        if (file.Length > MaxBytes)
        {
            return await FailAsync(T["The file is larger than {0} MB; an OPML subscription list is much smaller.", MaxBytes / 1024 / 1024], cancellationToken);
        }
        using var bytes = new MemoryStream((int)file.Length);
        await file.CopyToAsync(bytes, cancellationToken);
        OpmlDocument opml;
        try
        {
            opml = OpmlReader.Read(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
        }
        catch (FeedParseException e)
        {
            return await FailAsync(T["This file cannot be imported: {0}", e.Message], cancellationToken);
        }
        if (opml.Feeds.Count == 0)
        {
            return await FailAsync(T["This file lists no feeds."], cancellationToken);
        }
        var name = Path.GetFileName(file.FileName);
        var id = await imports.CreateAsync(CurrentUser.Id, string.IsNullOrWhiteSpace(name) ? "subscriptions.opml" : name[..Math.Min(name.Length, 200)], opml.Feeds, queue.Owner, Now, cancellationToken);
        queue.Enqueue(id, CurrentUser.Id);
        if (opml.Warnings.Count > 0)
        {
            // Outlines without a usable feed address never become part of the import; the reader hears of them here.
            Flash(T["Notes from reading the file: {0}", string.Join("; ", opml.Warnings.Take(5).Select(w => w.ToString()))]);
        }
        return Redirect($"/subscriptions/import/{id}");
    }

    private async Task<IActionResult> FailAsync(string message, CancellationToken cancellationToken)
    {
        ModelState.AddModelError("", message);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Recent = await imports.RecentAsync(CurrentUser.Id, Now, cancellationToken: cancellationToken);
        await LoadSidebarAsync(null, cancellationToken);
    }
}
