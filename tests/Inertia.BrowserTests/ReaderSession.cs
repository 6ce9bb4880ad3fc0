using System.Text.RegularExpressions;
using Inertia.Tests.Web;
using Microsoft.Playwright;

namespace Inertia.BrowserTests;

/// <summary>
/// One person at the browser: a page in a fresh context on the app, which fails the test on any script error
/// or Content-Security-Policy violation the page reports.
/// </summary>
internal sealed class ReaderSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _problems = [];

    private ReaderSession(IBrowserContext context, IPage page, Uri baseUrl)
    {
        _context = context;
        Page = page;
        BaseUrl = baseUrl;
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("favicon", StringComparison.OrdinalIgnoreCase))
            {
                lock (_problems)
                {
                    _problems.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_problems)
            {
                _problems.Add(error);
            }
        };
    }

    public IPage Page { get; }

    public Uri BaseUrl { get; }

    public static async Task<ReaderSession> OpenAsync(BrowserFixture browser, ReaderApp app, string locale = "en-US", int width = 1280, int height = 860)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl.AbsoluteUri,
            Locale = locale,
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        return new ReaderSession(context, await context.NewPageAsync(), app.BaseUrl);
    }

    public Task GoAsync(string path) => Page.GotoAsync(path);

    /// <summary>Signs in through the sign-in form and waits for the reader.</summary>
    public async Task SignInAsync(string name, string password)
    {
        await GoAsync("/login");
        await Page.FillAsync("input[name=Username]", name);
        await Page.FillAsync("input[name=Password]", password);
        await Page.ClickAsync("button[type=submit]");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/unread$"));
    }

    /// <summary>Subscribes through the add form and waits for the feed's page.</summary>
    public async Task SubscribeAsync(Uri address)
    {
        await GoAsync("/subscriptions");
        await Page.FillAsync("input[name=Address]", address.AbsoluteUri);
        await Page.ClickAsync(".add-form button[type=submit]");
        await Assertions.Expect(Page.Locator(".flash")).ToBeVisibleAsync();
    }

    /// <summary>Saves a screenshot of the whole page as a test artifact.</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>No script error and no blocked resource so far.</summary>
    public void AssertNoProblems()
    {
        lock (_problems)
        {
            Assert.True(_problems.Count == 0, "The page reported problems:\n" + string.Join("\n", _problems));
        }
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
