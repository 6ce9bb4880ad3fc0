using Microsoft.Playwright;

namespace Inertia.BrowserTests;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright (launched by path: no browser is downloaded). One
/// browser serves a test class; each test gets its own context (cookies, storage) and so its own user.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: the test results folder of ./run-tests, else beside the tests.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("INERTIA_TEST_ARTIFACTS") is { Length: > 0 } artifacts ? artifacts : Path.Combine(AppContext.BaseDirectory, "artifacts"),
        "screenshots");

    public static bool Available => File.Exists(ChromiumPath);

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            return;
        }
        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
