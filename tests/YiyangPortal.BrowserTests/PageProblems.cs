using System.Reflection;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace YiyangPortal.BrowserTests;

/// <summary>Something a page did wrong that a user would not see but a developer must: a console error, an uncaught
/// exception or a Content-Security-Policy violation.</summary>
public sealed record PageProblem(string Test, string Url, string Kind, string Text)
{
    public override string ToString() => $"[{Kind}] {Text}\n    on {Url} (during {Test})";
}

/// <summary>
/// Records the problems of every page <see cref="BrowserFixture"/> creates. A test fails when any was recorded: at
/// each screenshot (for that page) and, whatever the test did, when it ends (<see cref="FailOnPageProblemsAttribute"/>
/// on the collection). The browser's own CSP report ("Refused to …") arrives as a console error; the listener injected
/// before any page script names the directive and the blocked source as well.
/// </summary>
public static class PageProblems
{
    internal const string CspListener = """
        document.addEventListener('securitypolicyviolation', e => console.error(
          'CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' +
          e.sourceFile + ':' + e.lineNumber + (e.sample ? ' (' + e.sample + ')' : '')));
        """;

    private static readonly Lock Gate = new();
    private static readonly List<(IPage? Page, PageProblem Problem)> Unreported = [];
    private static readonly List<(IPage Page, string Pattern)> Expected = [];
    private static string _currentTest = "(no test)";

    /// <summary>Listens to a new context's pages; <see cref="BrowserFixture.NewPageAsync"/> calls it.</summary>
    internal static async Task WatchAsync(IBrowserContext context)
    {
        await context.AddInitScriptAsync(CspListener);
        context.Console += (_, message) =>
        {
            if (message.Type == "error" && !IsFormAnsweredWithErrors(message))
            {
                var where = message.Location is { Length: > 0 } location ? $" ({location})" : string.Empty;
                Record(message.Page, "console error", message.Text + where);
            }
        };
        context.WebError += (_, error) => Record(error.Page, "uncaught exception", error.Error);
    }

    /// <summary>
    /// A form posted with mistakes comes back with status 422 and the messages next to the fields; Chromium logs that
    /// document's status as "Failed to load resource". That is the page working, not a problem (only the portal's
    /// forms answer 422); any other failed load is.
    /// </summary>
    private static bool IsFormAnsweredWithErrors(IConsoleMessage message) =>
        message.Text.StartsWith("Failed to load resource: the server responded with a status of 422", StringComparison.Ordinal);

    /// <summary>
    /// Says that <paramref name="page"/> will log an error containing <paramref name="pattern"/> on purpose (e.g. the
    /// browser's "status of 422" line for a form returned with its errors); such errors are not problems.
    /// </summary>
    public static void Expect(IPage page, string pattern)
    {
        lock (Gate)
        {
            Expected.Add((page, pattern));
        }
    }

    /// <summary>Fails if <paramref name="page"/> has problems not yet reported. Waits for the browser's pending
    /// messages first (one round trip: events arrive in order).</summary>
    public static async Task AssertNoneAsync(IPage page)
    {
        if (!page.IsClosed)
        {
            await page.EvaluateAsync("() => 0");
        }

        Throw(Take(page));
    }

    internal static void Begin(string test)
    {
        lock (Gate)
        {
            _currentTest = test;
        }
    }

    /// <summary>Fails if any page has problems not yet reported, whichever test it belongs to.</summary>
    internal static void End()
    {
        List<PageProblem> all;
        lock (Gate)
        {
            all = Unreported.Select(u => u.Problem).ToList();
            Unreported.Clear();
            Expected.Clear();
            _currentTest = "(between tests)";
        }

        Throw(all);
    }

    private static void Record(IPage? page, string kind, string text)
    {
        lock (Gate)
        {
            if (page is not null && Expected.Any(e => e.Page == page && text.Contains(e.Pattern, StringComparison.Ordinal)))
            {
                return;
            }

            Unreported.Add((page, new PageProblem(_currentTest, page?.Url ?? "(no page)", kind, text)));
        }
    }

    private static List<PageProblem> Take(IPage page)
    {
        lock (Gate)
        {
            var mine = Unreported.Where(u => u.Page == page).Select(u => u.Problem).ToList();
            Unreported.RemoveAll(u => u.Page == page);
            return mine;
        }
    }

    private static void Throw(List<PageProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw new XunitException(
                $"The browser reported {problems.Count} problem(s); pages must run without console errors or CSP violations:\n"
                + string.Join("\n", problems));
        }
    }
}

/// <summary>Every browser test ends with no page problem recorded (see <see cref="PageProblems"/>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class FailOnPageProblemsAttribute : BeforeAfterTestAttribute
{
    public override void Before(MethodInfo methodUnderTest) =>
        PageProblems.Begin($"{methodUnderTest.DeclaringType?.Name}.{methodUnderTest.Name}");

    public override void After(MethodInfo methodUnderTest) => PageProblems.End();
}
