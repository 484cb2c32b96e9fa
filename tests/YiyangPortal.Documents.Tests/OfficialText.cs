using System.Text.RegularExpressions;

namespace YiyangPortal.Documents.Tests;

/// <summary>
/// The official template text as the seed file has it (a Markdown conversion of the published PDF): the section
/// after 附件1 or 附件2, without （参考模板）, Markdown heading marks and escapes removed.
/// </summary>
public static partial class OfficialText
{
    private static readonly string Seed = File.ReadAllText(
        Path.Combine(AppContext.BaseDirectory, "Seed", "001_0c92b98c424a27d0.txt"));

    /// <summary>The section's paragraphs (seed lines), blanks shown as the seed shows them.</summary>
    public static List<string> Paragraphs(AgreementTemplateKind template)
    {
        var start = Seed.IndexOf(template == AgreementTemplateKind.MedicalElderCareConsortium ? "## 附件 1" : "## 附件 2", StringComparison.Ordinal);
        var end = template == AgreementTemplateKind.MedicalElderCareConsortium
            ? Seed.IndexOf("## 附件 2", StringComparison.Ordinal)
            : Seed.Length;
        return Seed[start..end].Split('\n')
            .Skip(1)
            .Select(line => HeadingMark().Replace(line.Trim(), "").Replace("\\_", "_", StringComparison.Ordinal))
            .Where(line => line.Length > 0 && line != "(参考模板)")
            .ToList();
    }

    /// <summary>The whole section with whitespace removed.</summary>
    public static string Compact(AgreementTemplateKind template) =>
        RenderedDocuments.WithoutWhitespace(string.Concat(Paragraphs(template)));

    /// <summary>
    /// The section cut into sentences and into the pieces between blanks: every piece must appear, in order, in a
    /// rendered agreement whatever the blanks hold. Blanks are the seed's ___ and XXX, the place after a colon
    /// (甲方：), and the date lines 年 月 日 of the signature block.
    /// </summary>
    public static List<string> Fragments(AgreementTemplateKind template) =>
        Paragraphs(template)
            .Select(p => p == "年 月 日" ? "_年_月_日" : p)
            .SelectMany(p => Blank().Split(RenderedDocuments.WithoutWhitespace(p)))
            .SelectMany(piece => SentenceEnd().Split(piece))
            .Where(piece => piece.Length > 0)
            .ToList();

    [GeneratedRegex("^#+ *")]
    private static partial Regex HeadingMark();

    // XXX民政局 and XXX卫生健康委（局） are one blank each: the PDF prints the bureau's own name there (issue 11 point 2,
    // ADR 049: a county's bureau may be named otherwise, e.g. 社会事业局).
    [GeneratedRegex("XXX卫生健康委[（(]局[）)]|XXX民政局|_+|XXX")]
    private static partial Regex Blank();

    // Split after 。；：and their half-width forms, keeping the mark with its sentence.
    [GeneratedRegex("(?<=[。；;：:])")]
    private static partial Regex SentenceEnd();
}
