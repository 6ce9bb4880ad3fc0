using Inertia.Storage.Accounts;

namespace Inertia.Web.Api.Miniflux;

/// <summary>
/// Who is calling the API, as its credentials (a token or HTTP Basic) said: never taken from a session
/// cookie. <see cref="Partition"/> names the credential for rate limiting.
/// </summary>
internal sealed record ApiCaller(User User, string Partition)
{
    public static ApiCaller? Of(HttpContext context) => context.Items[typeof(ApiCaller)] as ApiCaller;

    public static ApiCaller Required(HttpContext context) =>
        Of(context) ?? throw new InvalidOperationException("This request has no API caller; the endpoint must require the API scheme.");
}
