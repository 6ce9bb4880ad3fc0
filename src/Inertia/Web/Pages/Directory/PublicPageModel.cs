using Inertia.Storage.Accounts;
using Inertia.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace Inertia.Web.Pages.Directory;

/// <summary>
/// A page anyone may read: the directory, a public feed, an article. Signed out it is the same for everyone
/// (and cached publicly: each page carries <see cref="Inertia.Web.Public.PublicCacheAttribute"/>); signed in it adds the reader's own state.
/// </summary>
[AllowAnonymous]
internal abstract class PublicPageModel : ReaderPageModel
{
    /// <summary>The signed-in reader, or null for a visitor.</summary>
    internal User? Reader => HttpContext.CurrentUser();

    /// <summary>Dates show in the reader's time zone; visitors see UTC, the same for everyone.</summary>
    internal TimeZoneInfo Zone => Reader?.Settings.Zone ?? TimeZoneInfo.Utc;

    /// <summary>Where the sign-in page should lead back to: this page.</summary>
    internal string SignInUrl => "/login?returnUrl=" + Uri.EscapeDataString(Request.Path + Request.QueryString);
}
