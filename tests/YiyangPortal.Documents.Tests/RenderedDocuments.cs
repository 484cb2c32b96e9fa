using System.Diagnostics;
using UglyToad.PdfPig;

namespace YiyangPortal.Documents.Tests;

/// <summary>One renderer for the whole test run (as the web app holds a singleton) and helpers to read PDFs.</summary>
public static class RenderedDocuments
{
    private static readonly Lazy<AgreementPdfRenderer> LazyRenderer = new(() => new AgreementPdfRenderer());

    public static AgreementPdfRenderer Renderer => LazyRenderer.Value;

    /// <summary>The text of every page, page by page, in drawing order.</summary>
    public static List<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))).ToList();
    }

    /// <summary>
    /// The body text: letters inside the margins, drawn smaller than the watermark; the running header and footer
    /// and the watermark are left out so a sentence that runs over a page break reads as one.
    /// </summary>
    public static string BodyText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var text = new System.Text.StringBuilder();
        foreach (var page in document.GetPages())
        {
            var top = page.Height - 60;
            var bottom = 60;
            foreach (var letter in page.Letters)
            {
                var y = letter.StartBaseLine.Y;
                if (y < top && y > bottom && letter.PointSize < 30)
                {
                    text.Append(letter.Value);
                }
            }
        }
        return text.ToString();
    }

    public static string WithoutWhitespace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Writes the PDF (and, when pdftoppm exists, its first and last pages as PNG) to .local/documents.</summary>
    public static string KeepArtefact(string name, byte[] pdf)
    {
        var directory = Path.Combine(RepositoryRoot(), ".local", "documents");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".pdf");
        File.WriteAllBytes(path, pdf);
        TryRasterize(path, Path.Combine(directory, name));
        return path;
    }

    private static void TryRasterize(string pdf, string prefix)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-png", "-r", "80", pdf, prefix])
            {
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            process?.WaitForExit(20_000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // pdftoppm (poppler-utils) is not installed: the PDF alone is the artefact.
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "YiyangPortal.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("YiyangPortal.sln not found above the test binaries.");
    }
}
