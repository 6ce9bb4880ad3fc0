using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Inertia.Accounts;
using Inertia.Storage.Accounts;
using Inertia.Web.Api.Miniflux.Json;
using Inertia.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Inertia.Web.Api.Miniflux;

/// <summary>
/// The API's authentication scheme, as Miniflux's: an <c>X-Auth-Token</c> header with one of the user's API
/// tokens, or HTTP Basic with the user's name and account password. Session cookies count for nothing here,
/// so another site cannot make a signed-in browser call the API (no CSRF). Wrong passwords are limited like
/// sign-ins (<see cref="SignInThrottle"/>); failures answer 401 (or 429) in JSON, never a redirect.
/// </summary>
internal sealed class ApiAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    UserStore users, ApiTokenStore tokens, SignInThrottle throttle, BasicCredentialCache verified, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "miniflux-api";
    public const string TokenHeader = "X-Auth-Token";

    // Checked against when the name is unknown, so that a wrong name takes as long as a wrong password.
    private static readonly string DecoyHash = PasswordHashing.Hash(Guid.NewGuid().ToString());

    private TimeSpan? _retryAfter;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = Request.Headers[TokenHeader].ToString();
        if (token.Length > 0)
        {
            return await TokenAsync(token.Trim());
        }
        if (AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            && header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return await BasicAsync(header.Parameter ?? "");
        }
        return AuthenticateResult.NoResult();
    }

    private async Task<AuthenticateResult> TokenAsync(string secret)
    {
        if (await tokens.UseAsync(secret, time.GetUtcNow(), Context.RequestAborted) is not { } found
            || await users.GetAsync(found.UserId, Context.RequestAborted) is not { IsDisabled: false } user)
        {
            return AuthenticateResult.Fail("Unknown API token.");
        }
        return Success(user, "token:" + found.TokenId.ToString(CultureInfo.InvariantCulture));
    }

    private async Task<AuthenticateResult> BasicAsync(string parameter)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
        }
        catch (FormatException)
        {
            return AuthenticateResult.Fail("Malformed Basic credentials.");
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        var (name, password) = colon < 0 ? (decoded, "") : (decoded[..colon].Trim(), decoded[(colon + 1)..]);
        if (name.Length == 0 || password.Length == 0)
        {
            return AuthenticateResult.Fail("Empty user name or password.");
        }
        var cancel = Context.RequestAborted;
        if (verified.TryGet(name, password, out var knownId, out var stamp)
            && await users.GetAsync(knownId, cancel) is { IsDisabled: false } known && known.SecurityStamp == stamp)
        {
            return Success(known, "user:" + known.Id.ToString(CultureInfo.InvariantCulture));
        }
        var client = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!throttle.TryAttempt(client, name, out var retryAfter))
        {
            _retryAfter = retryAfter;
            return AuthenticateResult.Fail("Too many attempts.");
        }
        var user = await users.FindAsync(name, cancel);
        var hash = user is null ? null : await users.PasswordHashAsync(user.Id, cancel);
        var matches = PasswordHashing.Verify(hash ?? DecoyHash, password) && hash is not null;
        if (user is null || !matches || user.IsDisabled)
        {
            return AuthenticateResult.Fail("Wrong user name or password.");
        }
        verified.Add(name, password, user.Id, user.SecurityStamp);
        return Success(user, "user:" + user.Id.ToString(CultureInfo.InvariantCulture));
    }

    private AuthenticateResult Success(User user, string partition)
    {
        Context.Items[typeof(ApiCaller)] = new ApiCaller(user, partition);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)), new Claim(ClaimTypes.Name, user.Username)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (_retryAfter is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return ApiJson.WriteProblemAsync(Response, StatusCodes.Status429TooManyRequests, $"Too many failed sign-in attempts. Try again in {seconds} seconds.", Context.RequestAborted);
        }
        Response.Headers.WWWAuthenticate = "Basic realm=\"Inertia\"";
        return Write(StatusCodes.Status401Unauthorized, "Access Unauthorized");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiJson.WriteProblemAsync(Response, StatusCodes.Status403Forbidden, "Access Forbidden", Context.RequestAborted);

    private Task Write(int status, string message)
    {
        Response.StatusCode = status;
        return Response.WriteAsJsonAsync(new ErrorJson(message), ApiJson.Options, Context.RequestAborted);
    }
}
