using System.Net;
using Inertia.Accounts;
using Inertia.Storage.Accounts;
using Inertia.Tests.Cli;
using Inertia.Tests.Support;
using Inertia.Tests.Web;

namespace Inertia.Tests.Api;

/// <summary>The API password: set in settings (anti-forgery protected, account password required) or with the CLI.</summary>
public sealed class ApiPasswordTests
{
    private static async Task<bool> SignsInAsync(ReaderApp app, string name, string password)
    {
        using var http = new HttpClient { BaseAddress = app.BaseUrl };
        using var answer = await http.PostAsync("api/greader/accounts/ClientLogin", ApiHarness.Form(("Email", name), ("Passwd", password)));
        return answer.StatusCode == HttpStatusCode.OK;
    }

    [Fact]
    public async Task Settings_set_or_make_the_API_password_after_checking_the_account_password()
    {
        await using var app = await ReaderApp.StartAsync();
        var (client, user) = await app.SignedInAsync("ann");
        using (client)
        {
            var settings = await client.GetAsync("/settings");
            Assert.Equal("/settings/api", settings.Document.QuerySelector("a[href='/settings/api']")?.GetAttribute("href"));
            var page = await client.GetAsync("/settings/api");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("/api/greader", page.Html, StringComparison.Ordinal);
            Assert.Contains("/api/fever", page.Html, StringComparison.Ordinal);
            Assert.Contains("You have no API password yet.", page.Html, StringComparison.Ordinal);

            var forged = await client.PostWithoutTokenAsync("/settings/api?handler=Set",
                [new("CurrentPassword", "password1"), new("NewPassword", "app-secret-1"), new("ConfirmPassword", "app-secret-1")]);
            Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
            var wrong = await client.PostAsync("/settings/api?handler=Set", "/settings/api", false, ("CurrentPassword", "nope"), ("NewPassword", "app-secret-1"), ("ConfirmPassword", "app-secret-1"));
            Assert.Contains("The current password is wrong.", wrong.Text(".errors"), StringComparison.Ordinal);
            var differ = await client.PostAsync("/settings/api?handler=Set", "/settings/api", false, ("CurrentPassword", "password1"), ("NewPassword", "app-secret-1"), ("ConfirmPassword", "app-secret-2"));
            Assert.Contains("The two passwords differ.", differ.Text(".errors"), StringComparison.Ordinal);
            Assert.False(await app.Get<ApiCredentialStore>().HasAsync(user.Id));

            var set = await client.PostAsync("/settings/api?handler=Set", "/settings/api", false, ("CurrentPassword", "password1"), ("NewPassword", "app-secret-1"), ("ConfirmPassword", "app-secret-1"));
            Assert.Equal(HttpStatusCode.Redirect, set.Status);
            Assert.True(await SignsInAsync(app, "ann", "app-secret-1"));
            Assert.False(await SignsInAsync(app, "ann", "password1"));
            Assert.Equal(user.Id, (await app.Get<ApiCredentialStore>().FindByFeverKeyAsync(ApiPassword.FeverKeyOf("ann", "app-secret-1")))?.Id);

            var made = await client.PostAsync("/settings/api?handler=Generate", "/settings/api", false, ("CurrentPassword", "password1"));
            var generated = made.Document.QuerySelector(".generated-api-password code")!.TextContent;
            Assert.Equal(20, generated.Length);
            Assert.True(await SignsInAsync(app, "ann", generated));
            Assert.False(await SignsInAsync(app, "ann", "app-secret-1"));
            Assert.DoesNotContain(generated, (await client.GetAsync("/settings/api")).Html, StringComparison.Ordinal);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_command_sets_or_makes_the_API_password(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        string[] Args(params string[] args) => [.. args, "--database", test.CommandLineValue];
        Assert.Equal(0, (await InertiaProcess.RunAsync(Args("user", "add", "ann", "--password", "account-pass"))).ExitCode);

        var set = await InertiaProcess.RunAsync(Args("user", "api-password", "ann", "--password", "app-secret-1"));
        Assert.Equal(0, set.ExitCode);
        Assert.DoesNotContain("app-secret-1", set.StandardOutput, StringComparison.Ordinal);
        var credentials = new ApiCredentialStore(test.Database, new UserStore(test.Database));
        Assert.True(PasswordHashing.Verify((await credentials.FindAsync("ann"))!.Value.Hash, "app-secret-1"));
        Assert.Equal("ann", (await credentials.FindByFeverKeyAsync(ApiPassword.FeverKeyOf("ann", "app-secret-1")))?.Username);

        var made = await InertiaProcess.RunAsync(Args("user", "api-password", "ann"));
        Assert.Equal(0, made.ExitCode);
        var generated = made.StandardOutput.Split('\n').Single(l => l.StartsWith("API password: ", StringComparison.Ordinal))["API password: ".Length..].Trim();
        Assert.True(PasswordHashing.Verify((await credentials.FindAsync("ann"))!.Value.Hash, generated));
        Assert.Null(await credentials.FindByFeverKeyAsync(ApiPassword.FeverKeyOf("ann", "app-secret-1")));

        var nobody = await InertiaProcess.RunAsync(Args("user", "api-password", "nobody", "--password", "app-secret-1"));
        Assert.Equal(1, nobody.ExitCode);
        Assert.Contains("there is no user \"nobody\"", nobody.StandardError, StringComparison.Ordinal);
        var tooShort = await InertiaProcess.RunAsync(Args("user", "api-password", "ann", "--password", "short"));
        Assert.Equal(1, tooShort.ExitCode);
        Assert.Contains("at least 8 characters", tooShort.StandardError, StringComparison.Ordinal);
    }
}
