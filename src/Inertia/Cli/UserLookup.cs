using Inertia.Storage.Accounts;

namespace Inertia.Cli;

/// <summary>Finds the user a command acts for, by <c>--user NAME</c>.</summary>
internal static class UserLookup
{
    public static async Task<User?> FindAsync(IServiceProvider services, string command, string name, CancellationToken cancellationToken)
    {
        var user = await services.GetRequiredService<UserStore>().FindAsync(name, cancellationToken);
        if (user is null)
        {
            await CommandHost.FailAsync(command, $"there is no user \"{name}\" (create one with: inertia user add {name})");
        }
        return user;
    }
}
