using System.Text.RegularExpressions;
using System.Xml.Linq;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests;

/// <summary>English is switchable: every Chinese text the pages pass through the localizer has an English entry.</summary>
public partial class LocalizationCoverageTests
{
    [Fact]
    public void EveryLocalizedText_HasAnEnglishTranslation()
    {
        var web = Path.Combine(RepositoryPaths.Root, "src", "YiyangPortal.Web");
        var english = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.en.resx"))
            .Descendants("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        var keys = Directory.EnumerateFiles(Path.Combine(web, "Features"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .SelectMany(f => LocalizedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)
                .Concat(f.EndsWith("Labels.cs", StringComparison.Ordinal) || f.EndsWith("Navigation.cs", StringComparison.Ordinal)
                    ? LabelText().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)
                    : [])
                .Concat(FieldModelText().Matches(File.ReadAllText(f)).SelectMany(m => Literal().Matches(m.Groups[1].Value + m.Groups[2].Value)).Select(m => m.Groups[1].Value)))
            .Where(k => k.Any(c => c > 0x2E80))
            .Distinct()
            .ToList();

        Assert.NotEmpty(keys);
        var missing = keys.Where(k => !english.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "No English text for: " + string.Join(" | ", missing));
    }


    /// <summary>Labels and hints of form fields, passed to the localizer inside the _Field partial.</summary>
    [GeneratedRegex("(?:new FieldModel\\((.*)\\)\\)|@Field\\((.*)\\)\")")]
    private static partial Regex FieldModelText();

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex Literal();

    [GeneratedRegex("""[lL]\["([^"]+)"[\],]""")]
    private static partial Regex LocalizedKey();

    [GeneratedRegex("""(?:=> |new\()"([^"]+)"[,;]""")]
    private static partial Regex LabelText();
}
