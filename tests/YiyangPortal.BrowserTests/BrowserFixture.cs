using Microsoft.Playwright;
using YiyangPortal.TestSupport;

namespace YiyangPortal.BrowserTests;

/// <summary>
/// The portal on a real Kestrel port with its own database, and Debian's Chromium driven by Playwright's bundled
/// driver (no browser download: it works offline).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public PortalAppFactory App { get; } = new() { UseRealServer = true };

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl => App.ServerAddress.ToString().TrimEnd('/');

    /// <summary>Screenshots of what users see, kept as test artefacts (git-ignored).</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(RepositoryPaths.Root, ".local", "screenshots");

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("YIYANG_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
        Directory.CreateDirectory(ScreenshotDirectory);

        // Warm up (Razor views, EF model, first connections) so the first journey is not judged on cold start.
        using var http = new HttpClient { BaseAddress = App.ServerAddress };
        foreach (var url in new[] { "/shaoxing/login", "/", "/login" })
        {
            using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await ((IAsyncLifetime)App).DisposeAsync();
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US", // the portal must stay Chinese whatever the browser's language
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
}

/// <summary>All browser test classes share one server, one database and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
