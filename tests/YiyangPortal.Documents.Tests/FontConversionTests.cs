using System.Text;
using SkiaSharp;
using YiyangPortal.Documents.Fonts;
using YiyangPortal.Documents.Layout;
using YiyangPortal.Documents.Rendering;

namespace YiyangPortal.Documents.Tests;

/// <summary>
/// The documents' fonts are TrueType fonts rebuilt from the CFF outlines of Noto Serif CJK (Skia embeds TrueType as
/// a font program, CFF only as Type 3 glyph procedures): they must look like the original and stay deterministic.
/// </summary>
public class FontConversionTests
{
    [Fact]
    public void Pdf_EmbedsTrueTypeFontPrograms_NotType3()
    {
        var pdf = Encoding.Latin1.GetString(RenderedDocuments.Renderer.Render(SampleAgreements.SignedConsortium()));

        Assert.Contains("/CIDFontType2", pdf, StringComparison.Ordinal);
        Assert.Contains("/FontFile2", pdf, StringComparison.Ordinal);
        Assert.DoesNotContain("/Type3", pdf, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ConvertedGlyphs_CoverTheSamePixels_AsTheOriginalOutlines(bool bold)
    {
        var options = new AgreementPdfOptions();
        using var face = new FontFile(bold ? options.BoldFontPath : options.RegularFontPath, options.FaceIndex);
        var text = string.Concat(TemplateAndSampleText()) + "0123456789，。：；（）《》“”、—";
        var codepoints = DocumentFonts.Codepoints(text);
        using var subset = face.Subset(codepoints);

        const int size = 96;
        using var original = FontFactory.Create(face.Typeface, size);
        using var converted = FontFactory.Create(subset.Typeface, size);
        var worst = (Codepoint: 0, Share: 0.0);
        var largest = (Codepoint: 0, Difference: 0);
        foreach (var codepoint in codepoints.Where(c => c > ' '))
        {
            var expected = Coverage(original, new Rune(codepoint).ToString(), size);
            var actual = Coverage(converted, new Rune(codepoint).ToString(), size);
            var ink = expected.Sum(a => (double)a);
            var difference = expected.Zip(actual, (a, b) => (double)Math.Abs(a - b)).Sum();
            var share = ink == 0 ? 0 : difference / ink;
            if (share > worst.Share)
            {
                worst = (codepoint, share);
            }
            var pixel = expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
            if (pixel > largest.Difference)
            {
                largest = (codepoint, pixel);
            }
        }

        // At 96 px a font unit is 0.1 px: antialiased edges shift by a fraction of a pixel (a few per cent of the ink
        // of a thin glyph such as 入, and no pixel turns from ink to paper); a wrong or missing contour costs far more.
        Assert.True(worst.Share < 0.03, $"U+{worst.Codepoint:X4} differs by {worst.Share:P1} of its ink");
        Assert.True(largest.Difference < 128, $"U+{largest.Codepoint:X4} has a pixel off by {largest.Difference}/255");
    }

    [Fact]
    public void ConvertedFont_MapsEachCharacterToItsOwnGlyph_WithTheOriginalAdvance()
    {
        var options = new AgreementPdfOptions();
        using var face = new FontFile(options.RegularFontPath, options.FaceIndex);
        var codepoints = DocumentFonts.Codepoints("方老甲乙0Aa，𠀋");
        using var subset = face.Subset(codepoints);
        using var original = FontFactory.Create(face.Typeface, 1000);
        using var converted = FontFactory.Create(subset.Typeface, 1000);

        for (var i = 0; i < codepoints.Length; i++)
        {
            var character = new Rune(codepoints[i]).ToString();
            Assert.Equal(i + 1, converted.GetGlyph(codepoints[i]));
            Assert.Equal((ushort)(i + 1), subset[codepoints[i]].Glyph);
            Assert.Equal(original.MeasureText(character), converted.MeasureText(character));
        }
    }

    [Fact]
    public void Render_AfterOtherDocuments_GivesTheBytesOfAFreshRenderer()
    {
        var consortium = SampleAgreements.SignedConsortium();
        var renderer = RenderedDocuments.Renderer;
        renderer.Render(SampleAgreements.Draft(AgreementTemplateKind.ProjectCooperation));
        renderer.Render(consortium with { ElderCareParty = consortium.ElderCareParty with { Name = "绍兴市柯桥区福寿园" } });
        var warm = renderer.Render(consortium);

        using var fresh = new AgreementPdfRenderer();

        Assert.Equal(fresh.Render(consortium), warm);
    }

    private static IEnumerable<string> TemplateAndSampleText() =>
    [
        .. RenderedDocuments.PageTexts(RenderedDocuments.Renderer.Render(SampleAgreements.SignedConsortium())),
        .. RenderedDocuments.PageTexts(RenderedDocuments.Renderer.Render(SampleAgreements.SignedProjectCooperation())),
    ];

    private static byte[] Coverage(SKFont font, string text, int size)
    {
        var info = new SKImageInfo(size * 2, size * 2, SKColorType.Alpha8);
        using var bitmap = new SKBitmap(info);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            canvas.DrawText(text, size / 2f, size * 1.5f, SKTextAlign.Left, font, paint);
        }
        return bitmap.Bytes;
    }
}
