using Inertia.Catalog;
using Inertia.Storage.Public;
using Inertia.Subscriptions;
using Microsoft.AspNetCore.Mvc;

namespace Inertia.Web.Pages.Admin;

/// <summary>Administrators add, change and remove the directory's recommended feeds, and choose which are public.</summary>
internal sealed class DirectoryModel(DirectoryStore directory) : ReaderPageModel
{
    private const int MaxName = 200;
    private const int MaxDescription = 300;
    private const int MaxCategory = 60;

    [FromQuery(Name = "edit")] public long? Edit { get; set; }
    [BindProperty] public long? SourceId { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? FeedUrl { get; set; }
    [BindProperty] public string? SiteUrl { get; set; }
    [BindProperty] public string? IconUrl { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Language { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public bool IsPublic { get; set; } = true;

    internal IReadOnlyList<DirectoryFeed> Sources { get; private set; } = [];

    /// <summary>The categories already in use, then the shipped ones: suggestions for the form.</summary>
    internal IReadOnlyList<string> CategoryChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Edit is { } id)
        {
            if (await directory.GetAsync(id, cancellationToken: cancellationToken) is not { } source)
            {
                return NotFound();
            }
            (SourceId, Name, FeedUrl, SiteUrl, IconUrl, Category, Language, Description, IsPublic) =
                (source.Id, source.Name, source.FeedUrl, source.SiteUrl, source.IconUrl, source.Category, source.Language, source.Description, source.IsPublic);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (Check() is { } source)
        {
            var now = Now;
            if (SourceId is { } id)
            {
                switch (await directory.UpdateAsync(id, source, IsPublic, now, cancellationToken))
                {
                    case DirectoryChange.NotFound:
                        return NotFound();
                    case DirectoryChange.Done:
                        Flash(T["“{0}” saved.", source.Name]);
                        return RedirectToPage();
                    default:
                        ModelState.AddModelError("", T["The directory already has a feed at {0}.", source.FeedUrl]);
                        break;
                }
            }
            else if (await directory.AddAsync(source, IsPublic, now, cancellationToken) is null)
            {
                ModelState.AddModelError("", T["The directory already has a feed at {0}.", source.FeedUrl]);
            }
            else
            {
                Flash(T["“{0}” added to the directory.", source.Name]);
                return RedirectToPage();
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        if (SourceId is not { } id || !await directory.DeleteAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Flash(T["Removed from the directory. Its subscribers keep the feed."]);
        return RedirectToPage();
    }

    // The form as a source, or null with the problems added to the model state.
    private CatalogSource? Check()
    {
        var name = Name?.Trim() ?? "";
        var category = Category?.Trim() ?? "";
        var language = Language?.Trim() ?? "";
        var description = Description?.Trim() ?? "";
        if (name.Length is 0 or > MaxName)
        {
            ModelState.AddModelError("", T["A name is required (at most {0} characters).", MaxName]);
        }
        string? feedUrl = null;
        if (FeedAddress.TryParse(FeedUrl, out var feed))
        {
            feedUrl = FeedAddress.Normalize(feed);
        }
        else
        {
            ModelState.AddModelError("", T["The feed address must be a web address (http or https)."]);
        }
        var siteUrl = OptionalUrl(SiteUrl, T["The website must be a web address (http or https)."]);
        var iconUrl = OptionalUrl(IconUrl, T["The icon must be a web address (http or https)."]);
        if (category.Length is 0 or > MaxCategory)
        {
            ModelState.AddModelError("", T["A category is required (at most {0} characters).", MaxCategory]);
        }
        if (!CatalogSource.IsLanguageCode(language))
        {
            ModelState.AddModelError("", T["The language is a code such as en or zh."]);
        }
        if (description.Length > MaxDescription)
        {
            ModelState.AddModelError("", T["The description has at most {0} characters.", MaxDescription]);
        }
        return ModelState.ErrorCount == 0 ? new CatalogSource(name, feedUrl!, siteUrl, iconUrl, category, language.ToLowerInvariant(), description) : null;
    }

    private string? OptionalUrl(string? text, string problem)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url.AbsoluteUri;
        }
        ModelState.AddModelError("", problem);
        return null;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Sources = await directory.ListAsync(new DirectoryFilter(), null, cancellationToken);
        CategoryChoices = Sources.Select(s => s.Category).Concat(Web.Public.CatalogLabels.Categories).Distinct(StringComparer.Ordinal).ToList();
        await LoadSidebarAsync(null, cancellationToken);
    }
}
