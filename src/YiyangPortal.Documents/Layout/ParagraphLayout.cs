namespace YiyangPortal.Documents.Layout;

internal enum Alignment
{
    Justify,
    Left,
    Center,
}

internal sealed record ParagraphStyle(float Size, float LineHeight, float FirstLineIndentEm, Alignment Alignment);

/// <summary>Breaks a paragraph into lines and places the atoms of each line.</summary>
internal static class ParagraphLayout
{
    public static List<TextLine> Lay(IEnumerable<Span> spans, ParagraphStyle style, float width, TextMeasurer measurer)
    {
        var indent = style.FirstLineIndentEm * style.Size;
        var atoms = Atomizer.Atomize(spans, measurer, style.Size, width);
        var ranges = LineBreaker.Break(atoms, width - indent, width);
        var lines = new List<TextLine>(ranges.Count);
        for (var i = 0; i < ranges.Count; i++)
        {
            var (offset, count) = ranges[i].GetOffsetAndLength(atoms.Count);
            var lineAtoms = atoms.GetRange(offset, count);
            var start = i == 0 ? indent : 0;
            var available = width - start;
            var natural = lineAtoms.Sum(a => a.Width);
            var isLast = i == ranges.Count - 1;
            lines.Add(Place(lineAtoms, start, available, natural, style.Alignment, isLast, style.Size));
        }
        return lines;
    }

    private static TextLine Place(
        List<Atom> atoms, float start, float available, float natural, Alignment alignment, bool isLast, float size)
    {
        // Justified lines spread the slack left by the line-breaking rules over every gap between atoms;
        // the last line of a paragraph stays ragged, as in print.
        var spread = alignment == Alignment.Justify && !isLast && atoms.Count > 1 && natural < available
            ? (available - natural) / (atoms.Count - 1)
            : 0f;
        var x = alignment == Alignment.Center ? start + Math.Max(0, (available - natural) / 2) : start;
        var placed = new List<PlacedAtom>(atoms.Count);
        foreach (var atom in atoms)
        {
            placed.Add(new PlacedAtom(atom, x));
            x += atom.Width + spread;
        }
        return new TextLine(placed, size, x - spread);
    }
}
