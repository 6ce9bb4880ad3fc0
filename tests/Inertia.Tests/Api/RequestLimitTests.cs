using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Inertia.Tests.Api.Miniflux;

namespace Inertia.Tests.Api;

/// <summary>
/// Bodies over Kestrel's limit and query values that cannot be read: every API answers in its own error shape,
/// saying what was wrong, and keeps serving.
/// </summary>
public sealed class RequestLimitTests
{
    /// <summary>One byte over Kestrel's default MaxRequestBodySize.</summary>
    private const int OversizedLength = 30_000_001;

    /// <summary>
    /// Sends a body of <see cref="OversizedLength"/> bytes. It offers the body with <c>Expect: 100-continue</c>, as
    /// curl does for large bodies: the server answers without reading it and closes the connection, and a client
    /// still writing the body would see a broken pipe instead of the answer. The wait for the answer is long, since
    /// a client that waits too little sends the body anyway.
    /// </summary>
    private static async Task<(HttpStatusCode Status, string? ContentType, string Body)> SendOversizedAsync(
        Uri baseUrl, HttpMethod method, string path, string contentType, string? authorization = null)
    {
        using var http = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) }) { BaseAddress = baseUrl };
        using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(new byte[OversizedLength]) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.ExpectContinue = true;
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        using var response = await http.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("POST", "/v1/categories", "application/json")]
    [InlineData("POST", "/v1/feeds", "application/json")]
    [InlineData("POST", "/v1/import", "text/xml")]
    [InlineData("PUT", "/v1/entries", "application/json")]
    public async Task An_oversized_body_to_the_rest_api_is_a_413_with_an_error_message(string method, string path, string contentType)
    {
        await using var fixture = await ApiFixture.StartAsync();
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ann:" + ApiFixture.Password));
        var (status, type, body) = await SendOversizedAsync(fixture.App.BaseUrl, new HttpMethod(method), path, contentType, basic);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("application/problem+json", type);
        Assert.Contains("30,000,000 bytes", JsonDocument.Parse(body).RootElement.GetProperty("error_message").GetString(), StringComparison.Ordinal);
        (await fixture.Client.GetAsync("/v1/me")).Is(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_oversized_body_to_the_google_reader_and_fever_apis_is_a_413_in_their_own_shape()
    {
        await using var h = await ApiHarness.StartAsync();
        var client = await h.GReaderAsync();
        var (status, type, body) = await SendOversizedAsync(h.App.BaseUrl, HttpMethod.Post, "api/greader/reader/api/0/stream/items/contents",
            "application/x-www-form-urlencoded", $"GoogleLogin auth={client.Auth}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("text/plain", type);
        Assert.Contains("30,000,000 bytes", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("reader/api/0/user-info")).Status);

#pragma warning disable CA5351 // Fever's protocol is md5.
        var key = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes("ann:" + ApiHarness.AnnApiPassword)));
#pragma warning restore CA5351
        (status, type, body) = await SendOversizedAsync(h.App.BaseUrl, HttpMethod.Post, $"api/fever.php?api&items&api_key={key}", "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("application/json", type);
        var error = JsonDocument.Parse(body).RootElement;
        Assert.Equal(3, error.GetProperty("api_version").GetInt32());
        Assert.Contains("30,000,000 bytes", error.GetProperty("error").GetString(), StringComparison.Ordinal);
        using var after = await h.Http.GetAsync($"api/fever.php?api&groups&api_key={key}");
        Assert.Equal(1, JsonDocument.Parse(await after.Content.ReadAsStringAsync()).RootElement.GetProperty("auth").GetInt32());
    }

    [Theory]
    [InlineData("starred=maybe", "starred")]
    [InlineData("status=garbage", "status")]
    [InlineData("limit=ten", "limit")]
    [InlineData("published_after=yesterday", "published_after")]
    public async Task An_unreadable_entry_filter_is_a_400_naming_it(string query, string parameter)
    {
        await using var fixture = await ApiFixture.StartAsync();
        var answer = await fixture.Client.GetAsync("/v1/entries?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(parameter, answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_google_reader_and_fever_parameters_are_a_400_naming_them()
    {
        await using var h = await ApiHarness.StartAsync();
        var client = await h.GReaderAsync();
        foreach (var (query, parameter) in new[] { ("xt=garbage", "xt"), ("it=garbage", "it") })
        {
            var answer = await client.GetAsync("reader/api/0/stream/items/ids?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.Contains(parameter, answer.Body, StringComparison.Ordinal);
        }
        // Google states Inertia has no counterpart for still leave the list as it is.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("reader/api/0/stream/items/ids?xt=user/-/state/com.google/kept-unread")).Status);

#pragma warning disable CA5351 // Fever's protocol is md5.
        var key = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes("ann:" + ApiHarness.AnnApiPassword)));
#pragma warning restore CA5351
        foreach (var (query, parameter) in new[] { ("items&since_id=garbage", "since_id"), ("mark=feed&as=read&id=1&before=garbage", "before") })
        {
            using var answer = await h.Http.GetAsync($"api/fever.php?api&{query}&api_key={key}");
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Contains(parameter, JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        }
    }
}
