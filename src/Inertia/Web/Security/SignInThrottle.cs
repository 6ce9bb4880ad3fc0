using System.Threading.RateLimiting;

namespace Inertia.Web.Security;

/// <summary>
/// Limits sign-in attempts per client address and per account name, so that passwords cannot be guessed
/// quickly from one place or against one account from many. Tokens come back steadily: a user who mistyped
/// a few times waits seconds, not hours.
/// </summary>
internal sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perClient;
    private readonly PartitionedRateLimiter<string> _perAccount;

    public SignInThrottle() : this(perClient: 10, perAccount: 5, TimeSpan.FromMinutes(1))
    {
    }

    public SignInThrottle(int perClient, int perAccount, TimeSpan window)
    {
        _perClient = Bucket(perClient, window);
        _perAccount = Bucket(perAccount, window);
    }

    /// <summary>Takes one attempt for this client and account; false (with how long to wait) when either has none left.</summary>
    public bool TryAttempt(string client, string account, out TimeSpan retryAfter)
    {
        using var byClient = _perClient.AttemptAcquire(client);
        if (!byClient.IsAcquired)
        {
            retryAfter = RetryAfter(byClient);
            return false;
        }
        using var byAccount = _perAccount.AttemptAcquire(account.Trim().ToLowerInvariant());
        retryAfter = byAccount.IsAcquired ? TimeSpan.Zero : RetryAfter(byAccount);
        return byAccount.IsAcquired;
    }

    public void Dispose()
    {
        _perClient.Dispose();
        _perAccount.Dispose();
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);

    private static PartitionedRateLimiter<string> Bucket(int attempts, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = attempts,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = window / attempts,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
