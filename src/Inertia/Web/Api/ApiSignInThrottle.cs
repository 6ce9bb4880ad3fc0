using System.Threading.RateLimiting;

namespace Inertia.Web.Api;

/// <summary>
/// Limits failed API sign-ins (Google Reader's ClientLogin) per client address and per account name. Unlike
/// the web sign-in, only failures count: apps such as newsboat sign in again on every start, and a user who
/// knows the password should never wait.
/// </summary>
internal sealed class ApiSignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perClient = Bucket(10);
    private readonly PartitionedRateLimiter<string> _perAccount = Bucket(5);

    /// <summary>Whether this client and account may try now.</summary>
    public bool MayTry(string client, string account) =>
        (_perClient.GetStatistics(client)?.CurrentAvailablePermits ?? 1) > 0
        && (_perAccount.GetStatistics(Key(account))?.CurrentAvailablePermits ?? 1) > 0;

    /// <summary>Counts a failed attempt against the client and the account.</summary>
    public void Failed(string client, string account)
    {
        _perClient.AttemptAcquire(client).Dispose();
        _perAccount.AttemptAcquire(Key(account)).Dispose();
    }

    public void Dispose()
    {
        _perClient.Dispose();
        _perAccount.Dispose();
    }

    private static string Key(string account) => account.Trim().ToLowerInvariant();

    private static PartitionedRateLimiter<string> Bucket(int attempts) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = attempts,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / attempts,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
