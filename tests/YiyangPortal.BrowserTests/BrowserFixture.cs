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

    /// <summary>
    /// A page in a new browser context (its own cookies). Its console errors, uncaught exceptions and CSP violations
    /// fail the test (<see cref="PageProblems"/>): at each <see cref="ScreenshotAsync"/> and when the test ends.
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US", // the portal must stay Chinese whatever the browser's language
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        await PageProblems.WatchAsync(context);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A full-page screenshot in <see cref="ScreenshotDirectory"/>; then fails if the page reported a problem or
    /// scrolls sideways.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
        await PageProblems.AssertNoneAsync(page);
        await AssertNoSidewaysScrollAsync(page);
    }

    /// <summary>
    /// Fails if the page scrolls sideways (the document is wider than the window), naming the elements that stick out
    /// (tables scroll inside their .table-responsive box and do not count).
    /// </summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<string?>(SidewaysOverflowScript);
        if (overflow is not null)
        {
            throw new Xunit.Sdk.XunitException($"{page.Url} scrolls sideways at {page.ViewportSize?.Width} px: {overflow}");
        }
    }

    private const string SidewaysOverflowScript = """
        () => {
          const root = document.documentElement, width = root.clientWidth;
          if (root.scrollWidth <= width) return null;
          const clipped = el => {
            for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
              if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) return true;
            }
            return false;
          };
          const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
            + [...el.classList].slice(0, 3).map(c => '.' + c).join('');
          const path = el => {
            const parts = [];
            for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) parts.unshift(name(e));
            return parts.join(' > ');
          };
          const wide = [...document.body.querySelectorAll('*')]
            .filter(el => el.getBoundingClientRect().right > width + 0.5 && !clipped(el));
          const innermost = wide.filter(el => !wide.some(other => other !== el && el.contains(other)));
          return `scrollWidth ${root.scrollWidth} > clientWidth ${width}; sticking out: ` + innermost.slice(0, 5)
            .map(el => `${path(el)} (right edge ${Math.round(el.getBoundingClientRect().right)}: "${(el.textContent || '').trim().slice(0, 30)}")`)
            .join('; ');
        }
        """;
}

/// <summary>All browser test classes share one server, one database and one Chromium; every test fails on a page
/// problem (console error, uncaught exception, CSP violation).</summary>
[CollectionDefinition(Name)]
[FailOnPageProblems]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
