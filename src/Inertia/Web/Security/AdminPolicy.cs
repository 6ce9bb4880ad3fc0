using Microsoft.AspNetCore.Authorization;

namespace Inertia.Web.Security;

/// <summary>The authorization policy of the admin pages: the signed-in user is an administrator, as the database says now.</summary>
internal static class AdminPolicy
{
    public const string Name = "admin";

    public static void Build(AuthorizationPolicyBuilder policy) => policy.RequireAuthenticatedUser().RequireAssertion(context =>
        context.Resource is HttpContext http ? http.CurrentUser()?.IsAdmin == true
        : context.Resource is Microsoft.AspNetCore.Mvc.Filters.AuthorizationFilterContext mvc && mvc.HttpContext.CurrentUser()?.IsAdmin == true);
}
