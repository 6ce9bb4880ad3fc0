using System.Net;
using Inertia.Storage.Accounts;
using Inertia.Web.Security;

namespace Inertia.Tests.Web;

/// <summary>First run, signing in and out, sessions, passwords and user administration, over real HTTP.</summary>
public sealed class AccountPagesTests
{
    [Fact]
    public async Task A_new_installation_leads_every_page_to_the_setup_which_creates_the_first_administrator()
    {
        await using var app = await ReaderApp.StartAsync();
        using var client = app.NewClient();

        foreach (var path in new[] { "/", "/unread", "/login", "/subscriptions", "/entries/1" })
        {
            var page = await client.GetAsync(path);
            Assert.Equal((HttpStatusCode.Redirect, "/setup"), (page.Status, page.Location));
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).Status);

        var weak = await client.PostAsync("/setup", "/setup", false, ("Username", "ann"), ("Password", "short"), ("Confirm", "short"));
        Assert.Equal(HttpStatusCode.OK, weak.Status);
        Assert.Contains("at least 8 characters", weak.Text(".errors"), StringComparison.Ordinal);
        var differ = await client.PostAsync("/setup", "/setup", false, ("Username", "ann"), ("Password", "password1"), ("Confirm", "password2"));
        Assert.Contains("differ", differ.Text(".errors"), StringComparison.Ordinal);

        await client.SetupAsync("ann", "password1");
        var ann = (await app.Get<UserStore>().FindAsync("ann"))!;
        Assert.True(ann.IsAdmin);
        Assert.Equal("Asia/Shanghai", ann.Settings.TimeZone);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/subscriptions")).Status);

        // The set-up is over: it cannot make a second administrator.
        using var stranger = app.NewClient();
        Assert.Equal("/login", (await stranger.GetAsync("/setup")).Location);
        var token = await stranger.TokenAsync("/login");
        var again = await stranger.PostWithoutTokenAsync("/setup", [new("Username", "eve"), new("Password", "password1"), new("Confirm", "password1"), new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Null(await app.Get<UserStore>().FindAsync("eve"));
    }

    [Fact]
    public async Task Signing_in_needs_the_right_password_and_says_nothing_about_which_part_was_wrong()
    {
        await using var app = await ReaderApp.StartAsync();
        await app.CreateUserAsync("ann", "password1");
        using var client = app.NewClient();

        var wrongPassword = await client.PostAsync("/login", "/login", false, ("Username", "ann"), ("Password", "nope"));
        var wrongName = await client.PostAsync("/login", "/login", false, ("Username", "nobody"), ("Password", "password1"));
        Assert.Equal(wrongPassword.Text(".errors"), wrongName.Text(".errors"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/unread")).Status);

        var signedIn = await client.PostAsync("/login", "/login", false, ("Username", "ANN"), ("Password", "password1"), ("ReturnUrl", "/starred"));
        Assert.Equal("/starred", signedIn.Location);
        var session = client.Cookies.GetAllCookies().Single(c => c.Name == "inertia_session");
        Assert.True(session.HttpOnly);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/unread")).Status);

        // Another site's address is never a place to return to.
        using var other = app.NewClient();
        var offsite = await other.PostAsync("/login", "/login", false, ("Username", "ann"), ("Password", "password1"), ("ReturnUrl", "//evil.example/"));
        Assert.Equal("/unread", offsite.Location);

        var signOut = await client.PostAsync("/logout", "/unread");
        Assert.Equal("/login", signOut.Location);
        Assert.StartsWith("/login", (await client.GetAsync("/unread")).Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_account()
    {
        await using var app = await ReaderApp.StartAsync();
        await app.CreateUserAsync("ann", "password1");
        using var client = app.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await client.PostAsync("/login", "/login", false, ("Username", "ann"), ("Password", "guess" + i))).Status);
        }
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        var limited = await client.PostAsync("/login", "/login", false, ("Username", "ann"), ("Password", "password1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.True(int.Parse(limited.Headers["Retry-After"], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("Too many sign-in attempts", limited.Text(".errors"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_throttle_limits_each_client_and_each_account_on_its_own()
    {
        using var throttle = new SignInThrottle(perClient: 3, perAccount: 2, TimeSpan.FromHours(1));
        Assert.True(throttle.TryAttempt("10.0.0.1", "ann", out _));
        Assert.True(throttle.TryAttempt("10.0.0.2", "ANN ", out _));
        Assert.False(throttle.TryAttempt("10.0.0.3", "ann", out var wait));
        Assert.True(wait > TimeSpan.Zero);
        Assert.True(throttle.TryAttempt("10.0.0.1", "bob", out _));
        Assert.True(throttle.TryAttempt("10.0.0.1", "carol", out _));
        Assert.False(throttle.TryAttempt("10.0.0.1", "dave", out _));
    }

    [Fact]
    public async Task State_changing_requests_without_an_anti_forgery_token_are_refused()
    {
        await using var app = await ReaderApp.StartAsync();
        var (client, _) = await app.SignedInAsync("ann", admin: true);
        using (client)
        {
            foreach (var path in new[] { "/logout", "/entries/1/star", "/entries/1/read", "/mark-all-read", "/refresh", "/settings?handler=Save", "/subscriptions?handler=Add", "/admin/users?handler=Create" })
            {
                var page = await client.PostWithoutTokenAsync(path, [new("list", "unread"), new("Address", "http://127.0.0.1:1/")]);
                Assert.True(page.Status == HttpStatusCode.BadRequest, $"{path} answered {page.Status} without a token");
            }
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/unread")).Status);
        }
    }

    [Fact]
    public async Task Changing_the_password_ends_other_sessions_but_not_this_one()
    {
        await using var app = await ReaderApp.StartAsync();
        var (laptop, _) = await app.SignedInAsync("ann");
        using var phone = app.NewClient();
        await phone.SignInAsync("ann", "password1");
        using (laptop)
        {
            var wrong = await laptop.PostAsync("/settings?handler=Password", "/settings", false, ("CurrentPassword", "bad"), ("NewPassword", "brand-new-pass"), ("ConfirmPassword", "brand-new-pass"));
            Assert.Contains("current password is wrong", wrong.Text(".errors"), StringComparison.Ordinal);

            var changed = await laptop.PostAsync("/settings?handler=Password", "/settings", false, ("CurrentPassword", "password1"), ("NewPassword", "brand-new-pass"), ("ConfirmPassword", "brand-new-pass"));
            Assert.Equal(HttpStatusCode.Redirect, changed.Status);
            Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/unread")).Status);
            Assert.StartsWith("/login", (await phone.GetAsync("/unread")).Location, StringComparison.Ordinal);
            await phone.SignInAsync("ann", "brand-new-pass");
        }
    }

    [Fact]
    public async Task Administrators_create_disable_enable_and_delete_users_and_readers_cannot()
    {
        await using var app = await ReaderApp.StartAsync();
        var (admin, adminUser) = await app.SignedInAsync("root", admin: true);
        using (admin)
        {
            var created = await admin.PostAsync("/admin/users?handler=Create", "/admin/users", false, ("Username", "bob"), ("Password", "password1"), ("Confirm", "password1"));
            Assert.Equal(HttpStatusCode.Redirect, created.Status);
            var taken = await admin.PostAsync("/admin/users?handler=Create", "/admin/users", false, ("Username", "BOB"), ("Password", "password1"), ("Confirm", "password1"));
            Assert.Contains("taken", taken.Text(".errors"), StringComparison.Ordinal);
            var bob = (await app.Get<UserStore>().FindAsync("bob"))!;
            Assert.False(bob.IsAdmin);

            using var bobClient = app.NewClient();
            await bobClient.SignInAsync("bob", "password1");
            Assert.Equal(HttpStatusCode.NotFound, (await bobClient.GetAsync("/admin/users")).Status);
            Assert.DoesNotContain("/admin/users", (await bobClient.GetAsync("/unread")).Html, StringComparison.Ordinal);

            await admin.PostAsync("/admin/users?handler=Disable", "/admin/users", false, ("UserId", bob.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.StartsWith("/login", (await bobClient.GetAsync("/unread")).Location, StringComparison.Ordinal);
            var refused = await bobClient.PostAsync("/login", "/login", false, ("Username", "bob"), ("Password", "password1"));
            Assert.Contains("disabled", refused.Text(".errors"), StringComparison.Ordinal);

            await admin.PostAsync("/admin/users?handler=Enable", "/admin/users", false, ("UserId", bob.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            await bobClient.SignInAsync("bob", "password1");

            // No one disables or deletes themselves, and the last administrator stays.
            var self = await admin.PostAsync("/admin/users?handler=Delete", "/admin/users", false, ("UserId", adminUser.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(HttpStatusCode.NotFound, self.Status);

            await admin.PostAsync("/admin/users?handler=Delete", "/admin/users", false, ("UserId", bob.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Null(await app.Get<UserStore>().FindAsync("bob"));
            Assert.StartsWith("/login", (await bobClient.GetAsync("/unread")).Location, StringComparison.Ordinal);
        }
    }
}
