using System.Net;
using Inertia.Storage.Accounts;
using Inertia.Tests.Web;
using Inertia.Web.Api.Miniflux;
using Inertia.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Inertia.Tests.Api.Miniflux;

/// <summary>Who may call the API: tokens and HTTP Basic, never a session cookie alone; failures are JSON, limited, never redirects.</summary>
public sealed class AuthenticationTests
{
    [Fact]
    public async Task Basic_credentials_answer_me_and_wrong_or_missing_ones_get_a_json_401_not_a_redirect()
    {
        await using var api = await ApiFixture.StartAsync();
        var me = (await api.Client.GetAsync("/v1/me")).Is(HttpStatusCode.OK).Json;
        Assert.Equal(api.User.Id, me.GetProperty("id").GetInt64());
        Assert.Equal("ann", me.GetProperty("username").GetString());
        Assert.False(me.GetProperty("is_admin").GetBoolean());
        Assert.Equal("UTC", me.GetProperty("timezone").GetString());
        Assert.Equal("desc", me.GetProperty("entry_sorting_direction").GetString());
        var version = (await api.Client.GetAsync("/v1/version")).Is(HttpStatusCode.OK).Json;
        Assert.False(string.IsNullOrEmpty(version.GetProperty("version").GetString()));

        using var anonymous = ApiClient.Anonymous(api.App.BaseUrl);
        var none = (await anonymous.GetAsync("/v1/me")).Is(HttpStatusCode.Unauthorized);
        Assert.Equal("Access Unauthorized", none.ErrorMessage);
        Assert.StartsWith("application/json", none.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Contains("Basic", none.Header("WWW-Authenticate"), StringComparison.Ordinal);

        using var wrong = ApiClient.Basic(api.App.BaseUrl, "ann", "not-the-password");
        Assert.Equal("Access Unauthorized", (await wrong.GetAsync("/v1/feeds")).Is(HttpStatusCode.Unauthorized).ErrorMessage);
        using var unknown = ApiClient.Basic(api.App.BaseUrl, "nobody", ApiFixture.Password);
        (await unknown.PutAsync("/v1/entries", new { entry_ids = new[] { 1 }, status = "read" })).Is(HttpStatusCode.Unauthorized);
        using var badToken = ApiClient.Token(api.App.BaseUrl, "not-a-token");
        (await badToken.GetAsync("/v1/me")).Is(HttpStatusCode.Unauthorized);

        // Every answer under /v1 is JSON: an unknown path, a wrong method.
        Assert.Equal("Resource Not Found", (await api.Client.GetAsync("/v1/no-such-thing")).Is(HttpStatusCode.NotFound).ErrorMessage);
        // Where Miniflux defines no answer: RFC 9457 problem details, with Miniflux's error_message beside them.
        var wrongMethod = (await api.Client.SendAsync(HttpMethod.Patch, "/v1/me")).Is(HttpStatusCode.MethodNotAllowed);
        Assert.StartsWith("application/problem+json", wrongMethod.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(405, wrongMethod.Json.GetProperty("status").GetInt32());
        Assert.Equal("Method Not Allowed", wrongMethod.Json.GetProperty("title").GetString());
        Assert.Equal(wrongMethod.Json.GetProperty("detail").GetString(), wrongMethod.ErrorMessage);
        // An address given with a trailing slash ("http://host/" + "/v1/me") still reaches the API.
        Assert.Equal("ann", (await api.Client.GetAsync(api.App.BaseUrl.AbsoluteUri + "/v1/me")).Is(HttpStatusCode.OK).Json.GetProperty("username").GetString());
        Assert.Equal("Resource Not Found", (await api.Client.GetAsync("/v1/feeds/abc")).Is(HttpStatusCode.NotFound).ErrorMessage);
    }

    [Fact]
    public async Task Before_the_first_account_exists_the_api_answers_401_instead_of_leading_to_setup()
    {
        await using var app = await ReaderApp.StartAsync();
        using var client = ApiClient.Basic(app.BaseUrl, "ann", "password1");
        Assert.Equal("Access Unauthorized", (await client.GetAsync("/v1/me")).Is(HttpStatusCode.Unauthorized).ErrorMessage);
    }

    [Fact]
    public async Task A_session_cookie_alone_cannot_call_the_api_so_other_sites_cannot_make_a_browser_change_anything()
    {
        await using var api = await ApiFixture.StartAsync();
        var feedId = await ApiFixture.SubscribeAsync(api.Client, api.Site.FeedUrl);
        var entryId = (await api.Client.GetAsync("/v1/entries")).Ids("entries")[0];
        using var browser = api.App.NewClient();
        await browser.SignInAsync("ann", ApiFixture.Password);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await browser.GetAsync("/unread")).Status);

        using var cookieOnly = ApiClient.WithCookies(api.App.BaseUrl, browser.Cookies);
        (await cookieOnly.PutAsync("/v1/entries", new { entry_ids = new[] { entryId }, status = "read" })).Is(HttpStatusCode.Unauthorized);
        (await cookieOnly.DeleteAsync($"/v1/feeds/{ApiFixture.Id(feedId)}")).Is(HttpStatusCode.Unauthorized);
        (await cookieOnly.GetAsync("/v1/me")).Is(HttpStatusCode.Unauthorized);
        var entry = (await api.Client.GetAsync($"/v1/entries/{ApiFixture.Id(entryId)}")).Is(HttpStatusCode.OK).Json;
        Assert.Equal("unread", entry.GetProperty("status").GetString());
        (await api.Client.GetAsync($"/v1/feeds/{ApiFixture.Id(feedId)}")).Is(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Tokens_are_created_in_settings_shown_once_work_until_revoked_and_the_forms_need_their_csrf_token()
    {
        await using var api = await ApiFixture.StartAsync();
        using var browser = api.App.NewClient();
        await browser.SignInAsync("ann", ApiFixture.Password);
        var settings = await browser.GetAsync("/settings");
        Assert.NotNull(settings.Document.QuerySelector("a[href='/settings/api-tokens']"));

        var created = await browser.PostAsync("/settings/api-tokens?handler=Create", "/settings/api-tokens", false, ("Description", "my phone"));
        Assert.Equal(HttpStatusCode.OK, created.Status);
        var secret = created.Text("#new-api-token");
        Assert.True(secret.Length >= 40, $"token '{secret}'");
        Assert.Equal(["my phone"], created.Texts(".token-description"));
        var again = await browser.GetAsync("/settings/api-tokens");
        Assert.DoesNotContain(secret, again.Html, StringComparison.Ordinal);
        Assert.Contains("never used", again.Html, StringComparison.Ordinal);

        // Stored as a hash only.
        var stored = await api.App.Database.ReadAsync(c => Dapper.SqlMapper.QuerySingleAsync<string>(c, "SELECT token_hash FROM api_tokens"));
        Assert.NotEqual(secret, stored);

        using var app = ApiClient.Token(api.App.BaseUrl, secret);
        Assert.Equal("ann", (await app.GetAsync("/v1/me")).Is(HttpStatusCode.OK).Json.GetProperty("username").GetString());
        Assert.Contains("last used", (await browser.GetAsync("/settings/api-tokens")).Html, StringComparison.Ordinal);

        // Another site's form (no anti-forgery token) neither creates nor revokes.
        var tokenId = (await api.App.Get<ApiTokenStore>().ListAsync(api.User.Id)).Single().Id;
        var forged = await browser.PostWithoutTokenAsync("/settings/api-tokens?handler=Revoke", [new("TokenId", ApiFixture.Id(tokenId))]);
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        (await app.GetAsync("/v1/me")).Is(HttpStatusCode.OK);

        // Another user cannot revoke it.
        var (bob, _) = await api.App.SignedInAsync("bob");
        using (bob)
        {
            var foreign = await bob.PostAsync("/settings/api-tokens?handler=Revoke", "/settings/api-tokens", false, ("TokenId", ApiFixture.Id(tokenId)));
            Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
        }
        (await app.GetAsync("/v1/me")).Is(HttpStatusCode.OK);

        var revoked = await browser.PostAsync("/settings/api-tokens?handler=Revoke", "/settings/api-tokens", false, ("TokenId", ApiFixture.Id(tokenId)));
        Assert.Equal(HttpStatusCode.Redirect, revoked.Status);
        (await app.GetAsync("/v1/me")).Is(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_disabled_account_or_a_changed_password_stops_its_credentials_at_once()
    {
        await using var api = await ApiFixture.StartAsync();
        var (_, secret) = await api.App.Get<ApiTokenStore>().CreateAsync(api.User.Id, "script", DateTimeOffset.UtcNow);
        using var token = ApiClient.Token(api.App.BaseUrl, secret);
        (await api.Client.GetAsync("/v1/me")).Is(HttpStatusCode.OK);
        (await token.GetAsync("/v1/me")).Is(HttpStatusCode.OK);

        await api.App.Get<UserStore>().SetPasswordAsync(api.User.Id, Inertia.Accounts.PasswordHashing.Hash("another-password"));
        // The old password was verified a moment ago (and remembered); it no longer counts.
        (await api.Client.GetAsync("/v1/me")).Is(HttpStatusCode.Unauthorized);
        using var newPassword = ApiClient.Basic(api.App.BaseUrl, "ann", "another-password");
        (await newPassword.GetAsync("/v1/me")).Is(HttpStatusCode.OK);

        await api.App.Get<UserStore>().SetDisabledAsync(api.User.Id, true);
        (await newPassword.GetAsync("/v1/me")).Is(HttpStatusCode.Unauthorized);
        (await token.GetAsync("/v1/me")).Is(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Guessing_passwords_is_limited_with_429_and_retry_after_while_a_token_goes_on()
    {
        await using var api = await ApiFixture.StartAsync(configure: b => b.Services.AddSingleton(new SignInThrottle(perClient: 100, perAccount: 3, TimeSpan.FromMinutes(1))));
        var (_, secret) = await api.App.Get<ApiTokenStore>().CreateAsync(api.User.Id, "script", DateTimeOffset.UtcNow);
        using var guesser = ApiClient.Basic(api.App.BaseUrl, "ann", "guess");
        for (var i = 0; i < 3; i++)
        {
            (await guesser.GetAsync("/v1/me")).Is(HttpStatusCode.Unauthorized);
        }
        var limited = (await guesser.GetAsync("/v1/me")).Is(HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(limited.Header("Retry-After")!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("Too many", limited.ErrorMessage, StringComparison.Ordinal);
        // Even the right password waits now: the account's attempts are used up.
        using var right = ApiClient.Basic(api.App.BaseUrl, "ann", ApiFixture.Password);
        (await right.GetAsync("/v1/me")).Is(HttpStatusCode.TooManyRequests);
        using var token = ApiClient.Token(api.App.BaseUrl, secret);
        (await token.GetAsync("/v1/me")).Is(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Each_credential_has_its_own_request_limit_answered_with_429_retry_after_and_json()
    {
        await using var api = await ApiFixture.StartAsync(configure: b => b.Services.AddSingleton(new ApiRateLimits(Burst: 3, PerMinute: 1)));
        var tokens = api.App.Get<ApiTokenStore>();
        var (_, first) = await tokens.CreateAsync(api.User.Id, "one", DateTimeOffset.UtcNow);
        var (_, second) = await tokens.CreateAsync(api.User.Id, "two", DateTimeOffset.UtcNow);
        using var one = ApiClient.Token(api.App.BaseUrl, first);
        using var two = ApiClient.Token(api.App.BaseUrl, second);
        for (var i = 0; i < 3; i++)
        {
            (await one.GetAsync("/v1/me")).Is(HttpStatusCode.OK);
        }
        var limited = (await one.GetAsync("/v1/feeds")).Is(HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(limited.Header("Retry-After")!, System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Contains("Too many requests", limited.ErrorMessage, StringComparison.Ordinal);
        Assert.StartsWith("application/problem+json", limited.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(429, limited.Json.GetProperty("status").GetInt32());
        (await two.GetAsync("/v1/me")).Is(HttpStatusCode.OK);
        (await api.Client.GetAsync("/v1/me")).Is(HttpStatusCode.OK);
    }
}
