using System.CommandLine;
using Inertia.Accounts;
using Inertia.Storage;

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
        return new Command("user", "Manage users.") { add };
    }
}
