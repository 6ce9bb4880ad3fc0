using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Inertia.Tests.Api.Miniflux;

/// <summary>A client of the REST API over real HTTP, authenticating with HTTP Basic or an API token, or not at all.</summary>
internal sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;

    private ApiClient(Uri baseUrl, Action<HttpRequestHeaders>? authenticate, CookieContainer? cookies = null)
    {
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer(), UseCookies = true }) { BaseAddress = baseUrl };
        authenticate?.Invoke(_http.DefaultRequestHeaders);
    }

    public static ApiClient Basic(Uri baseUrl, string user, string password) =>
        new(baseUrl, h => h.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password))));

    public static ApiClient Token(Uri baseUrl, string token) => new(baseUrl, h => h.Add("X-Auth-Token", token));

    public static ApiClient Anonymous(Uri baseUrl) => new(baseUrl, null);

    /// <summary>A client carrying a browser's cookies (a signed-in session) and nothing else.</summary>
    public static ApiClient WithCookies(Uri baseUrl, CookieContainer cookies) => new(baseUrl, null, cookies);

    public Task<ApiAnswer> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<ApiAnswer> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public Task<ApiAnswer> PostAsync(string path, object? json) => SendAsync(HttpMethod.Post, path, json);

    public Task<ApiAnswer> PutAsync(string path, object? json = null) => SendAsync(HttpMethod.Put, path, json);

    public async Task<ApiAnswer> SendAsync(HttpMethod method, string path, object? json = null, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Content = content ?? (json is null ? null : new StringContent(json as string ?? JsonSerializer.Serialize(json), Encoding.UTF8, "application/json"));
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.Concat(response.Content.Headers)
            .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);
        return new ApiAnswer(response.StatusCode, body, headers);
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>An answer of the API.</summary>
internal sealed record ApiAnswer(HttpStatusCode Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Miniflux's error message; fails when the answer is not the JSON error shape.</summary>
    public string ErrorMessage => Json.GetProperty("error_message").GetString()!;

    /// <summary>Asserts the status, showing the body when it differs.</summary>
    public ApiAnswer Is(HttpStatusCode status)
    {
        Assert.True(Status == status, $"expected {(int)status} {status}, got {(int)Status} {Status}: {Body}");
        return this;
    }

    public List<long> Ids(string? property = null) =>
        (property is null ? Json : Json.GetProperty(property)).EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
}
