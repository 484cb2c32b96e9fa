using YiyangPortal.Documents.Fonts;
using YiyangPortal.Documents.Layout;
using YiyangPortal.Documents.Rendering;

namespace YiyangPortal.Documents.Tests;

/// <summary>Chinese line breaking (禁则): no line starts with closing punctuation or ends with an opening bracket.</summary>
public class LineBreakingTests
{
    [Theory]
    [InlineData("一二三，四五", 3, "一二|三，四|五")]
    [InlineData("一二三。」四", 3, "一二|三。」|四")]
    [InlineData("一二（三四", 3, "一二|（三四")]
    [InlineData("一《二三四", 2, "一|《二|三四")]
    [InlineData("一二三四五六", 3, "一二三|四五六")]
    [InlineData("一二三,四", 3, "一二|三,四")]
    public void Break_MovesTheCharacterBeforeAForbiddenMark_ToTheNextLine(string text, int charactersPerLine, string expected)
    {
        var atoms = text.Select(c => new Atom(c.ToString(), 10, Bold: false, Underline: false)).ToList();

        var lines = LineBreaker.Break(atoms, charactersPerLine * 10, charactersPerLine * 10);

        Assert.Equal(expected, string.Join('|', lines.Select(r => string.Concat(atoms.Take(r).Select(a => a.Text)))));
    }

    [Fact]
    public void Break_ClosingMarksWiderThanTheLine_StillTerminates()
    {
        var atoms = "。。。。".Select(c => new Atom(c.ToString(), 10, false, false)).ToList();

        var lines = LineBreaker.Break(atoms, 20, 20);

        Assert.Equal(4, lines.Sum(r => r.GetOffsetAndLength(atoms.Count).Length));
    }

    [Theory]
    [InlineData("consortium-signed")]
    [InlineData("project-cooperation-signed")]
    [InlineData("consortium-draft")]
    public void EveryLaidOutLine_StartsAndEndsLegally(string name)
    {
        var options = new AgreementPdfOptions();
        using var regular = new FontFile(options.RegularFontPath, options.FaceIndex);
        using var bold = new FontFile(options.BoldFontPath, options.FaceIndex);
        using var measurer = new TextMeasurer(regular.Typeface, bold.Typeface);

        var lines = new DocumentComposer(FidelityTests.Model(name), measurer).Compose()
            .SelectMany(page => page).OfType<TextLineOp>()
            .Select(line => line.Atoms.Select(a => a.Atom).Where(a => !a.IsGap).ToList())
            .Where(atoms => atoms.Count > 0)
            .ToList();

        Assert.True(lines.Count > 50);
        Assert.All(lines, atoms =>
        {
            Assert.True(LineBreaker.MayStartLine(atoms[0]), $"line starts with «{atoms[0].Text}»: {string.Concat(atoms.Select(a => a.Text))}");
            Assert.True(LineBreaker.MayEndLine(atoms[^1]), $"line ends with «{atoms[^1].Text}»: {string.Concat(atoms.Select(a => a.Text))}");
        });
    }
}
