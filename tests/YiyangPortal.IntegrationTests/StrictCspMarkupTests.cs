using System.Text.RegularExpressions;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests;

/// <summary>
/// The CSP (script-src 'self'; style-src 'self') blocks inline behaviour and styles, so no view may contain any: the
/// browser tests catch what they visit, this catches every view. Behaviour goes in wwwroot/js, styles in site.css.
/// </summary>
public partial class StrictCspMarkupTests
{
    [Fact]
    public void NoView_HasInlineScripts_EventHandlers_OrStyleAttributes()
    {
        var features = Path.Combine(RepositoryPaths.Root, "src", "YiyangPortal.Web", "Features");
        var offences = Directory.EnumerateFiles(features, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadAllLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => InlineHandler().IsMatch(l.line) || StyleAttribute().IsMatch(l.line) || InlineScript().IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(features, l.file)}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.True(offences.Count == 0, "Blocked by the CSP:\n" + string.Join("\n", offences));
    }

    [GeneratedRegex("""\son[a-z]+\s*=""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [GeneratedRegex("""\sstyle\s*=""", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex("""<script(?![^>]*\ssrc=)[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
