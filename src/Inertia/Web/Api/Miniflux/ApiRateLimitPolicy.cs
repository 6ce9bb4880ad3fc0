using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Inertia.Web.Api.Miniflux;

/// <summary>
/// ASP.NET Core rate limiting for the API, one token bucket per credential (the caller's token or user);
/// over the limit a request gets 429 with Retry-After and a JSON message.
/// </summary>
internal sealed class ApiRateLimitPolicy(ApiRateLimits limits) : IRateLimiterPolicy<string>
{
    public const string Name = "miniflux-api";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, token) =>
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? (int)Math.Ceiling(after.TotalSeconds) : 60;
        seconds = Math.Max(1, seconds);
        var response = context.HttpContext.Response;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiJson.WriteProblemAsync(response, StatusCodes.Status429TooManyRequests, $"Too many requests with this credential. Try again in {seconds} seconds.", token);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetTokenBucketLimiter(ApiCaller.Of(httpContext)?.Partition ?? "anonymous", _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.Burst,
            TokensPerPeriod = Math.Max(1, limits.PerMinute / 60),
            ReplenishmentPeriod = limits.PerMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromMinutes(1.0 / Math.Max(1, limits.PerMinute)),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
