namespace YiyangPortal.Documents.Layout;

/// <summary>
/// Greedy line breaking with the Chinese rules (禁则): closing punctuation never starts a line and opening
/// brackets never end one; the character before such a mark moves down with it instead.
/// </summary>
internal static class LineBreaker
{
    /// <summary>Marks that may not start a line (full-width, then the half-width forms the seed text also uses).</summary>
    public const string NoLineStart = "，。、；：？！）」』》”’〕】〉" + ",.;:?!)]}";

    /// <summary>Marks that may not end a line.</summary>
    public const string NoLineEnd = "（「『《“‘〔【〈" + "([{";

    private const float Tolerance = 0.01f;

    /// <summary>Cuts <paramref name="atoms"/> into lines; each range excludes the spaces at its ends.</summary>
    public static List<Range> Break(IReadOnlyList<Atom> atoms, float firstLineWidth, float lineWidth)
    {
        var lines = new List<Range>();
        var start = SkipSpaces(atoms, 0);
        while (start < atoms.Count)
        {
            var width = lines.Count == 0 ? firstLineWidth : lineWidth;
            var end = start;
            var x = 0f;
            while (end < atoms.Count && (end == start || x + atoms[end].Width <= width + Tolerance))
            {
                x += atoms[end].Width;
                end++;
            }
            if (end < atoms.Count)
            {
                end = LegalBreak(atoms, start, end);
            }
            lines.Add(new Range(start, TrimSpaces(atoms, start, end)));
            start = SkipSpaces(atoms, end);
        }
        return lines;
    }

    public static bool MayStartLine(Atom atom) => atom.Text.Length == 0 || !NoLineStart.Contains(atom.Text[0], StringComparison.Ordinal);

    public static bool MayEndLine(Atom atom) => atom.Text.Length == 0 || !NoLineEnd.Contains(atom.Text[^1], StringComparison.Ordinal);

    // Moves the break back until the next line starts legally and this one ends legally. A line that cannot be
    // broken legally at all (a run of closing marks wider than the column) keeps the overflowing break.
    private static int LegalBreak(IReadOnlyList<Atom> atoms, int start, int end)
    {
        var candidate = end;
        while (candidate > start + 1 && !IsLegal(atoms, candidate))
        {
            candidate--;
        }
        return IsLegal(atoms, candidate) ? candidate : end;
    }

    private static bool IsLegal(IReadOnlyList<Atom> atoms, int breakBefore)
    {
        var next = SkipSpaces(atoms, breakBefore);
        var last = breakBefore - 1;
        while (last > 0 && atoms[last].IsSpace)
        {
            last--;
        }
        return (next >= atoms.Count || MayStartLine(atoms[next])) && MayEndLine(atoms[last]);
    }

    private static int SkipSpaces(IReadOnlyList<Atom> atoms, int index)
    {
        while (index < atoms.Count && atoms[index].IsSpace)
        {
            index++;
        }
        return index;
    }

    private static int TrimSpaces(IReadOnlyList<Atom> atoms, int start, int end)
    {
        while (end > start && atoms[end - 1].IsSpace)
        {
            end--;
        }
        return end;
    }
}
