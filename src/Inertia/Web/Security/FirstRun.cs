using Inertia.Storage.Accounts;

namespace Inertia.Web.Security;

/// <summary>Whether the first account exists yet. Once it does, it stays so for the life of the process, at no cost per request.</summary>
internal sealed class FirstRun(UserStore users)
{
    private volatile bool _hasUsers;

    public async ValueTask<bool> HasUsersAsync(CancellationToken cancellationToken)
    {
        if (!_hasUsers && await users.AnyAsync(cancellationToken))
        {
            _hasUsers = true;
        }
        return _hasUsers;
    }

    /// <summary>Records that the first account was just created.</summary>
    public void Completed() => _hasUsers = true;
}
