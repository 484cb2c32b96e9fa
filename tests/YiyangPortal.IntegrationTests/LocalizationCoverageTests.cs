using System.Text.RegularExpressions;
using System.Xml.Linq;
using YiyangPortal.Signing;
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

    /// <summary>A field error set by a controller goes through the localizer (L["…", args]), never a bare Chinese string.</summary>
    [Fact]
    public void ControllerFieldErrors_GoThroughTheLocalizer()
    {
        var web = Path.Combine(RepositoryPaths.Root, "src", "YiyangPortal.Web");
        var bare = Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => BareFieldError().Matches(File.ReadAllText(f)).Select(m => Path.GetFileName(f) + ": " + m.Value))
            .ToList();

        Assert.True(bare.Count == 0, "Not localized: " + string.Join(" | ", bare));
    }

    /// <summary>
    /// Domain refusals (ADR 028): every literal template given to a DomainException, DomainMessage or FieldError anywhere
    /// in src/ has an English entry that uses no placeholder the Chinese lacks, and none is an interpolated string
    /// (its text would be the key, different for every value).
    /// </summary>
    [Fact]
    public void EveryDomainMessageTemplate_HasAnEnglishTranslation_AndNoneIsInterpolated()
    {
        var src = Path.Combine(RepositoryPaths.Root, "src");
        var english = XDocument.Load(Path.Combine(src, "YiyangPortal.Web", "Resources", "SharedResource.en.resx"))
            .Descendants("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);
        var sources = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(src, f), Text: File.ReadAllText(f)))
            .ToList();

        var templates = sources
            .SelectMany(s => DomainTemplate().Matches(s.Text).Concat(FieldErrorTemplate().Matches(s.Text)).Concat(RuleTemplate().Matches(s.Text))
                .Select(m => m.Groups[1].Value))
            .Where(k => k.Any(c => c > 0x2E80))
            .Distinct()
            .ToList();
        var interpolated = sources
            .SelectMany(s => InterpolatedDomainText().Matches(s.Text).Select(m => $"{s.File}: {m.Value}"))
            .ToList();

        Assert.True(templates.Count > 100, $"Only {templates.Count} templates found: has the way refusals are written changed?");
        AssertTranslated(templates, english);
        Assert.True(interpolated.Count == 0, "Interpolated domain messages (use a template and arguments): " + string.Join(" | ", interpolated));
    }

    /// <summary>
    /// ADR 032: the FluentValidation messages (<c>WithMessage("…")</c>), the Signing library's refusals
    /// (<c>new …Exception("…", args)</c>) and the sentences of its verification reports (<c>new SigningText("…", args)</c>),
    /// and the import-sheet errors (<c>new ImportError(row, column, "…", args)</c>) are keys too: each has an English
    /// entry with no placeholder the Chinese lacks, and none is interpolated.
    /// </summary>
    [Fact]
    public void EveryValidationSigningAndImportMessage_HasAnEnglishTranslation_AndNoneIsInterpolated()
    {
        var src = Path.Combine(RepositoryPaths.Root, "src");
        var english = XDocument.Load(Path.Combine(src, "YiyangPortal.Web", "Resources", "SharedResource.en.resx"))
            .Descendants("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);
        var web = Sources(Path.Combine(src, "YiyangPortal.Web"));
        var signing = Sources(Path.Combine(src, "YiyangPortal.Signing"));

        List<string> Keys(IEnumerable<(string File, string Text)> files, Regex pattern) => files
            .SelectMany(s => pattern.Matches(s.Text).Select(m => m.Groups[1].Value))
            .Where(k => k.Any(c => c > 0x2E80))
            .Distinct()
            .ToList();
        var validation = Keys(web, ValidationTemplate());
        var import = Keys(web, ImportTemplate());
        // The refusals a user can meet are the SigningException types; other exceptions there are programming errors.
        var types = string.Join('|', typeof(SigningException).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(SigningException))).Select(t => t.Name));
        var refusals = Keys(signing, new Regex($$"""new\s+(?:{{types}})\((?:\s*\w+\s*,)?\s*"((?:[^"\\]|\\.)*)"[,)]"""));
        var reportTexts = Keys(signing.Concat(web), SigningTextTemplate());
        var interpolated = web.SelectMany(s => InterpolatedValidationOrImportText().Matches(s.Text).Select(m => $"{s.File}: {m.Value}"))
            .Concat(signing.Concat(web).SelectMany(s => InterpolatedSigningText().Matches(s.Text).Select(m => $"{s.File}: {m.Value}")))
            .Concat(signing.SelectMany(s => new Regex($$"""new\s+(?:{{types}})\((?:\s*\w+\s*,)?\s*\$@?"[^"]*""").Matches(s.Text)
                .Select(m => $"{s.File}: {m.Value}")))
            .ToList();

        Assert.True(validation.Count > 50, $"Only {validation.Count} validation messages found: has the way they are written changed?");
        Assert.True(refusals.Count > 40, $"Only {refusals.Count} Signing messages found: has the way they are written changed?");
        Assert.True(import.Count > 8, $"Only {import.Count} import messages found: has the way they are written changed?");
        Assert.True(reportTexts.Count > 25, $"Only {reportTexts.Count} verification sentences found: has the way they are written changed?");
        var templates = validation.Concat(refusals).Concat(reportTexts).Concat(import).Distinct().ToList();
        AssertTranslated(templates, english);
        Assert.True(interpolated.Count == 0, "Interpolated messages (use a template and arguments): " + string.Join(" | ", interpolated));
    }

    /// <summary>
    /// ADR 046: a notification's title is a template with arguments, shown in the reader's language. Every file that
    /// writes notifications (<c>new Notification(</c>) gives its titles as <c>new DomainMessage("…", args)</c> (and lists
    /// as <c>new DomainMessageList("、", …)</c>); each template and separator has an English entry with no placeholder
    /// the Chinese lacks, and no title is interpolated.
    /// </summary>
    [Fact]
    public void EveryNotificationTitle_HasAnEnglishTranslation_AndNoneIsInterpolated()
    {
        var src = Path.Combine(RepositoryPaths.Root, "src");
        var english = XDocument.Load(Path.Combine(src, "YiyangPortal.Web", "Resources", "SharedResource.en.resx"))
            .Descendants("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);
        var writers = Sources(Path.Combine(src, "YiyangPortal.Web"))
            .Where(s => s.Text.Contains("new Notification(", StringComparison.Ordinal))
            .ToList();

        var templates = writers
            .SelectMany(s => NotificationTemplate().Matches(s.Text).Select(m => m.Groups[1].Value))
            .Where(k => k.Length > 0)
            .Distinct()
            .ToList();
        var interpolated = writers
            .SelectMany(s => InterpolatedNotificationText().Matches(s.Text).Select(m => $"{s.File}: {m.Value}"))
            .ToList();

        Assert.True(writers.Count >= 6, $"Only {writers.Count} notification writers found: has the way notifications are written changed?");
        Assert.True(templates.Count > 30, $"Only {templates.Count} notification templates found: has the way titles are written changed?");
        AssertTranslated(templates, english);
        Assert.True(interpolated.Count == 0, "Interpolated notification titles (use a template and arguments): " + string.Join(" | ", interpolated));
        Assert.DoesNotContain(typeof(YiyangPortal.Domain.Notifications.Notification).GetConstructors(),
            c => c.GetParameters().Any(p => p.Name == "title" && p.ParameterType == typeof(string)));
    }

    private static List<(string File, string Text)> Sources(string folder) => Directory
        .EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Select(f => (File: Path.GetRelativePath(folder, f), Text: File.ReadAllText(f)))
        .ToList();

    /// <summary>A fixed validator message, or the template of one with arguments (ValidationMessages).</summary>
    /// <summary>Every template has an English entry, and the English uses no placeholder the Chinese lacks.</summary>
    private static void AssertTranslated(IReadOnlyCollection<string> templates, IReadOnlyDictionary<string, string> english)
    {
        var missing = templates.Where(k => !english.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "No English text for: " + string.Join(" | ", missing));
        var strayPlaceholders = templates
            .Where(k => Placeholder().Matches(english[k]).Any(p => !k.Contains(p.Value, StringComparison.Ordinal)))
            .Select(k => $"{k} => {english[k]}")
            .ToList();
        Assert.True(strayPlaceholders.Count == 0, "English placeholder not in the Chinese template: " + string.Join(" | ", strayPlaceholders));
    }

    [GeneratedRegex("""\.WithMessage\(\s*(?:new\s+DomainMessage\(\s*)?"((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex ValidationTemplate();

    [GeneratedRegex("""AddModelError\([^;]*?,\s*\$?@?"[^"]*[\u2E80-\u9FFF]""")]
    private static partial Regex BareFieldError();

    [GeneratedRegex("""new\s+SigningText\(\s*"((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex SigningTextTemplate();

    [GeneratedRegex("""new\s+SigningText\(\s*\$@?"[^"]*""")]
    private static partial Regex InterpolatedSigningText();

    [GeneratedRegex("""new\s+ImportError\([^;]*?,\s*"((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex ImportTemplate();

    [GeneratedRegex("""(?:\.WithMessage\(\s*(?:new\s+DomainMessage\(\s*)?|new\s+ImportError\([^;]*?,\s*)\$@?"[^"]*""")]
    private static partial Regex InterpolatedValidationOrImportText();


    /// <summary>Labels and hints of form fields, passed to the localizer inside the _Field partial.</summary>
    [GeneratedRegex("(?:new FieldModel\\((.*)\\)\\)|@Field\\((.*)\\)\")")]
    private static partial Regex FieldModelText();

    [GeneratedRegex("""new\s+Domain(?:Exception|Message)\(\s*"((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex DomainTemplate();

    [GeneratedRegex("""new\s+FieldError\([^;]*?,\s*"((?:[^"\\]|\\.)*)"\s*\)""")]
    private static partial Regex FieldErrorTemplate();

    /// <summary>The completeness rules of AgreementTerms pass their message to Require/Positive/Present.</summary>
    [GeneratedRegex("""\b(?:Require|Positive|Present)\(errors,[^;]*?"((?:[^"\\]|\\.)*)"\)""")]
    private static partial Regex RuleTemplate();

    [GeneratedRegex("""new\s+(?:Domain(?:Exception|Message)\(\s*|FieldError\([^;]*?,\s*)\$@?"[^"]*""")]
    private static partial Regex InterpolatedDomainText();

    [GeneratedRegex("""new\s+DomainMessage(?:List)?\(\s*"((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex NotificationTemplate();

    [GeneratedRegex("""new\s+DomainMessage(?:List)?\(\s*\$@?"[^"]*""")]
    private static partial Regex InterpolatedNotificationText();

    [GeneratedRegex("""\{\d+""")]
    private static partial Regex Placeholder();

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex Literal();

    [GeneratedRegex("""[lL]\["([^"]+)"[\],]""")]
    private static partial Regex LocalizedKey();

    [GeneratedRegex("""(?:=> |new\()"([^"]+)"[,;]""")]
    private static partial Regex LabelText();
}
