namespace Inertia.Web.Security;

/// <summary>
/// Until the first account exists, every page but the public ones leads to the set-up page that creates it
/// (APIs answer for themselves).
/// </summary>
internal sealed class FirstRunRedirect(RequestDelegate next, FirstRun firstRun)
{
    private static readonly string[] Open = ["/setup", "/static", "/healthz", "/readyz", "/error", "/v1", "/api", "/directory", "/f", "/a", "/s"];

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!Array.Exists(Open, open => path.StartsWithSegments(open, StringComparison.OrdinalIgnoreCase))
            && !await firstRun.HasUsersAsync(context.RequestAborted))
        {
            context.Response.Redirect("/setup");
            return;
        }
        await next(context);
    }
}
