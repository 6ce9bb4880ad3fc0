using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;

namespace Inertia.Tests.Web;

/// <summary>What every test of Inertia's published feeds does: fetch one as another feed reader would, and check the specifications' required elements.</summary>
internal static class FeedsOutChecks
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>Fetches <paramref name="url"/> as another feed reader does: no cookies, no session.</summary>
    public static async Task<HttpResponseMessage> FetchAsync(string url, Action<HttpRequestHeaders>? headers = null)
    {
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        headers?.Invoke(request.Headers);
        return await http.SendAsync(request);
    }

    /// <summary>The required elements of RSS 2.0, Atom 1.0 or JSON Feed 1.1 (by <paramref name="extension"/>), and the self link to <paramref name="url"/>.</summary>
    public static void RequiredElements(byte[] bytes, string extension, string url)
    {
        if (extension == "rss")
        {
            var channel = XDocument.Parse(System.Text.Encoding.UTF8.GetString(bytes)).Root!.Element("channel")!;
            Assert.All(new[] { "title", "link", "description" }, name => Assert.False(string.IsNullOrEmpty(channel.Element(name)?.Value), $"channel {name}"));
            Assert.All(channel.Elements("item"), item => Assert.False(string.IsNullOrEmpty(item.Element("guid")?.Value)));
            Assert.Equal(url, channel.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        }
        else if (extension == "atom")
        {
            var root = XDocument.Parse(System.Text.Encoding.UTF8.GetString(bytes)).Root!;
            Assert.Equal(Atom + "feed", root.Name);
            Assert.All(new[] { "id", "title", "updated" }, name => Assert.False(string.IsNullOrEmpty(root.Element(Atom + name)?.Value), $"feed {name}"));
            Assert.Equal(url, root.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
            Assert.NotNull(root.Element(Atom + "author")?.Element(Atom + "name"));
            Assert.All(root.Elements(Atom + "entry"), entry => Assert.All(new[] { "id", "title", "updated" }, name => Assert.NotNull(entry.Element(Atom + name))));
        }
        else
        {
            var json = JsonDocument.Parse(bytes).RootElement;
            Assert.Equal("https://jsonfeed.org/version/1.1", json.GetProperty("version").GetString());
            Assert.False(string.IsNullOrEmpty(json.GetProperty("title").GetString()));
            Assert.Equal(url, json.GetProperty("feed_url").GetString());
            Assert.All(json.GetProperty("items").EnumerateArray(), item =>
            {
                Assert.False(string.IsNullOrEmpty(item.GetProperty("id").GetString()));
                Assert.True(item.TryGetProperty("content_html", out _));
            });
        }
    }
}
