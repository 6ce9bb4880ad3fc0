using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Inertia.Tests.Web;

/// <summary>
/// A client that behaves like a browser without script: it keeps cookies, reads pages as HTML, and sends
/// forms with the anti-forgery token a page of the app gave it. Redirects are not followed, so tests see them.
/// </summary>
internal sealed class ReaderClient : IDisposable
{
    private readonly HttpClient _http;

    public ReaderClient(Uri baseUrl)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseUrl };
    }

    public CookieContainer Cookies { get; }

    public async Task<WebPage> GetAsync(string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await _http.SendAsync(request);
        return await WebPage.ReadAsync(response);
    }

    /// <summary>Posts a form with the anti-forgery token from <paramref name="tokenFrom"/> (a page with a form).</summary>
    public async Task<WebPage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string tokenFrom = "/settings", bool json = false)
    {
        var token = await TokenAsync(tokenFrom);
        return await PostWithoutTokenAsync(path, fields.Append(new("__RequestVerificationToken", token)), json);
    }

    public Task<WebPage> PostAsync(string path, string tokenFrom = "/settings", bool json = false, params (string Name, string Value)[] fields) =>
        PostAsync(path, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), tokenFrom, json);

    /// <summary>Posts a form as another site would: without a token.</summary>
    public async Task<WebPage> PostWithoutTokenAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, bool json = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        if (json)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }
        using var response = await _http.SendAsync(request);
        return await WebPage.ReadAsync(response);
    }

    /// <summary>Uploads a file through a form (multipart), with the anti-forgery token from <paramref name="tokenFrom"/>.</summary>
    public async Task<WebPage> UploadAsync(string path, string field, string fileName, byte[] content, string tokenFrom)
    {
        var token = await TokenAsync(tokenFrom);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), field, fileName },
        };
        using var response = await _http.PostAsync(path, form);
        return await WebPage.ReadAsync(response);
    }

    /// <summary>The raw answer to a GET, for downloads and feeds.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => await _http.SendAsync(request);

    /// <summary>The anti-forgery token of the first form on a page.</summary>
    public async Task<string> TokenAsync(string pagePath)
    {
        var page = await GetAsync(pagePath);
        return page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{pagePath} ({page.Status}) has no form with an anti-forgery token.");
    }

    public async Task SetupAsync(string name, string password, string language = "en")
    {
        var page = await PostAsync("/setup", "/setup", false, ("Username", name), ("Password", password), ("Confirm", password), ("Language", language), ("TimeZone", "Asia/Shanghai"));
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
    }

    public async Task SignInAsync(string name, string password)
    {
        var page = await PostAsync("/login", "/login", false, ("Username", name), ("Password", password));
        Assert.True(page.Status == HttpStatusCode.Redirect, $"sign-in answered {page.Status}: {page.Text(".errors")}");
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>An answer of the app: status, headers and the page parsed as a browser would.</summary>
internal sealed record WebPage(HttpStatusCode Status, string Html, IHtmlDocument Document, string? Location, IReadOnlyDictionary<string, string> Headers)
{
    public static async Task<WebPage> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.Concat(response.Content.Headers)
            .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);
        return new WebPage(response.StatusCode, html, new HtmlParser().ParseDocument(html), response.Headers.Location?.OriginalString, headers);
    }

    /// <summary>The text of the first element matching <paramref name="selector"/>, trimmed; "" when there is none.</summary>
    public string Text(string selector) => Document.QuerySelector(selector)?.TextContent.Trim() ?? "";

    /// <summary>The texts of every element matching <paramref name="selector"/>.</summary>
    public IReadOnlyList<string> Texts(string selector) => Document.QuerySelectorAll(selector).Select(e => e.TextContent.Trim()).ToList();
}
