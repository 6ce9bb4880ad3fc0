using Inertia.Accounts;
using Inertia.Storage.Accounts;

namespace Inertia.Web.Api.GoogleReader;

/// <summary>
/// Signing in (ClientLogin, POST or GET) and the checks every other endpoint makes: the GoogleLogin auth
/// header, and for writes the <c>T</c> token. Cookies count for nothing here.
/// </summary>
internal static class GoogleReaderAuth
{
    private const string UserKey = "greader:user";

    /// <summary>The signed-in API user of this request (set by <see cref="RequireAuth"/>).</summary>
    public static User ApiUser(this HttpContext context) => (((User User, string Hash))context.Items[UserKey]!).User;

    public static async Task<IResult> ClientLoginAsync(HttpContext context, ApiCredentialStore credentials, ApiSignInThrottle throttle, CancellationToken cancellationToken)
    {
        var form = await ApiForm.ReadAsync(context.Request, cancellationToken);
        var name = form["Email"]?.Trim();
        var password = form["Passwd"];
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(password))
        {
            return Results.Text("Error=BadAuthentication\nInfo=Email and Passwd are required\n", statusCode: StatusCodes.Status401Unauthorized);
        }
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!throttle.MayTry(client, name))
        {
            context.Response.Headers.RetryAfter = "60";
            return Results.Text("Error=TooManyAttempts\n", statusCode: StatusCodes.Status429TooManyRequests);
        }
        var found = await credentials.FindAsync(name, cancellationToken);
        // A wrong name costs a hash check as a wrong password does, so that the answer's time tells nothing.
        var valid = PasswordHashing.Verify(found?.Hash ?? DummyHash, password) && found is not null;
        if (!valid)
        {
            throttle.Failed(client, name);
            return Results.Text("Error=BadAuthentication\n", statusCode: StatusCodes.Status401Unauthorized);
        }
        var token = GoogleReaderTokens.AuthToken(found!.Value.User, found.Value.Hash);
        return Results.Text($"SID={token}\nLSID=null\nAuth={token}\n");
    }

    /// <summary>An endpoint filter: the request must carry a valid GoogleLogin auth token.</summary>
    public static async ValueTask<object?> RequireAuth(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "GoogleLogin auth=";
        var token = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
        var credentials = context.RequestServices.GetRequiredService<ApiCredentialStore>();
        if (await GoogleReaderTokens.CheckAuthAsync(credentials, token, context.RequestAborted) is not { } found)
        {
            context.Response.Headers.WWWAuthenticate = "GoogleLogin";
            return Results.Text("Unauthorized", statusCode: StatusCodes.Status401Unauthorized);
        }
        context.Items[UserKey] = found;
        return await next(invocation);
    }

    /// <summary>An endpoint filter after <see cref="RequireAuth"/>: writes also need the <c>T</c> token, from the form, the query string or a header.</summary>
    public static async ValueTask<object?> RequireWriteToken(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var (user, hash) = ((User, string))context.Items[UserKey]!;
        var form = await ApiForm.ReadAsync(context.Request, context.RequestAborted);
        var token = form["T"] ?? context.Request.Headers["T"].FirstOrDefault();
        if (!GoogleReaderTokens.CheckWrite(user, hash, token))
        {
            context.Response.Headers["X-Reader-Google-Bad-Token"] = "true";
            return Results.Text("Unauthorized", statusCode: StatusCodes.Status401Unauthorized);
        }
        return await next(invocation);
    }

    /// <summary>The write token for the signed-in user.</summary>
    public static string WriteToken(HttpContext context)
    {
        var (user, hash) = ((User, string))context.Items[UserKey]!;
        return GoogleReaderTokens.WriteToken(user, hash);
    }

    private static readonly string DummyHash = PasswordHashing.Hash(Guid.NewGuid().ToString());
}
