using Inertia.Storage.Accounts;

namespace Inertia.Web.Security;

/// <summary>The signed-in user of a request, as read from the database when its session was checked.</summary>
internal static class CurrentUserExtensions
{
    /// <summary>The signed-in user, or null on a page open to everyone.</summary>
    public static User? CurrentUser(this HttpContext context) => context.Items[typeof(User)] as User;

    /// <summary>The signed-in user, on pages and endpoints that require one.</summary>
    public static User RequiredUser(this HttpContext context) =>
        context.CurrentUser() ?? throw new InvalidOperationException("This request has no signed-in user; the endpoint must require authorization.");
}
