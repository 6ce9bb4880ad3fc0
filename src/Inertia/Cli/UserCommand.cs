using System.CommandLine;
using Inertia.Accounts;
using Inertia.Storage.Accounts;

namespace Inertia.Cli;

/// <summary><c>inertia user add NAME [--password P] [--admin]</c>: accounts, usable before the web app is.</summary>
internal static class UserCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The user name." };
        var password = new Option<string?>("--password") { Description = "The password, or '-' to read it from standard input (kept out of the process list and shell history); without it a random one is made and printed once." };
        var admin = new Option<bool>("--admin") { Description = "Make the user an administrator." };
        var add = new Command("add", "Create a user.") { name, password, admin };
        add.SetAction((result, cancellationToken) => CommandHost.RunAsync(result, "user add", async (services, token) =>
        {
            var username = result.GetRequiredValue(name).Trim();
            var given = result.GetValue(password) is "-" ? (await Console.In.ReadLineAsync(token))?.TrimEnd('\r') : result.GetValue(password);
            if (AccountRules.CheckUsername(username) is { } badName)
            {
                return await CommandHost.FailAsync("user add", badName.ToString());
            }
            if (given is not null && AccountRules.CheckPassword(given) is { } badPassword)
            {
                return await CommandHost.FailAsync("user add", badPassword.ToString());
            }
            var secret = given ?? AccountRules.GeneratePassword();
            var isAdmin = result.GetValue(admin);
            var user = await services.GetRequiredService<UserStore>().CreateAsync(username, PasswordHashing.Hash(secret), isAdmin, TimeProvider.System.GetUtcNow(), token);
            if (user is null)
            {
                return await CommandHost.FailAsync("user add", $"the user name \"{username}\" is taken.");
            }
            Console.WriteLine($"Created {(isAdmin ? "administrator" : "user")} {user.Username} (id {user.Id}).");
            if (given is null)
            {
                Console.WriteLine($"Password: {secret}");
            }
            return 0;
        }, cancellationToken));
        return new Command("user", "Manage users.") { add, ApiPasswordCommand() };
    }

    /// <summary><c>inertia user api-password NAME [--password P]</c>: the password apps (Google Reader, Fever) sign in with.</summary>
    private static Command ApiPasswordCommand()
    {
        var name = new Argument<string>("name") { Description = "The user name." };
        var password = new Option<string?>("--password") { Description = "The API password, or '-' to read it from standard input; without it a random one is made and printed once." };
        var command = new Command("api-password", "Set a user's API password, which apps use instead of the account password.") { name, password };
        command.SetAction((result, cancellationToken) => CommandHost.RunAsync(result, "user api-password", async (services, token) =>
        {
            var given = result.GetValue(password) is "-" ? (await Console.In.ReadLineAsync(token))?.TrimEnd('\r') : result.GetValue(password);
            if (given is not null && AccountRules.CheckPassword(given) is { } badPassword)
            {
                return await CommandHost.FailAsync("user api-password", badPassword.ToString());
            }
            if (await UserLookup.FindAsync(services, "user api-password", result.GetRequiredValue(name).Trim(), token) is not { } user)
            {
                return 1;
            }
            var secret = given ?? AccountRules.GeneratePassword();
            await services.GetRequiredService<ApiCredentialStore>().SetAsync(user.Id, ApiPassword.For(user.Username, secret), token);
            Console.WriteLine($"Set the API password of {user.Username}.");
            if (given is null)
            {
                Console.WriteLine($"API password: {secret}");
            }
            return 0;
        }, cancellationToken));
        return command;
    }
}
