using System.Text;

namespace YiyangPortal.Documents.Layout;

/// <summary>Cuts spans into atoms: each CJK character alone, ASCII runs kept whole (numbers, words, URLs).</summary>
internal static class Atomizer
{
    public static List<Atom> Atomize(IEnumerable<Span> spans, TextMeasurer measurer, float size, float maxWidth)
    {
        var atoms = new List<Atom>();
        foreach (var span in spans)
        {
            if (span.GapEm > 0)
            {
                atoms.Add(new Atom("", span.GapEm * size, span.Bold, Underline: true));
                continue;
            }
            foreach (var piece in Pieces(span.Text))
            {
                var width = measurer.Width(piece, span.Bold, size);
                if (width <= maxWidth || piece.Length == 1)
                {
                    atoms.Add(new Atom(piece, width, span.Bold, span.Underline));
                    continue;
                }
                // An ASCII run wider than the column (a long URL) may break anywhere.
                foreach (var rune in piece.EnumerateRunes())
                {
                    var text = rune.ToString();
                    atoms.Add(new Atom(text, measurer.Width(text, span.Bold, size), span.Bold, span.Underline));
                }
            }
        }
        return atoms;
    }

    private static IEnumerable<string> Pieces(string text)
    {
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is > 0x20 and < 0x7F)
            {
                word.Append((char)rune.Value);
                continue;
            }
            if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
            yield return char.IsWhiteSpace((char)Math.Min(rune.Value, 0xFFFF)) ? " " : rune.ToString();
        }
        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
