using YiyangPortal.Documents.Fonts;

namespace YiyangPortal.Documents.Rendering;

/// <summary>
/// The fonts of one document: the regular and bold faces cut down to the characters the document prints.
/// Handing Skia the whole CJK face makes it write the wrong Unicode for shared glyphs (方 extracts as the Kangxi
/// radical ⽅) and embed hundreds of KB; a subset has one code point per glyph and only the glyphs used.
/// </summary>
internal sealed class DocumentFonts(FontSubset regular, FontSubset bold) : IDisposable
{
    public FontSubset Regular { get; } = regular;

    public FontSubset Bold { get; } = bold;

    public FontSubset Get(bool bold) => bold ? Bold : Regular;

    /// <summary>The distinct code points of <paramref name="text"/> plus the space, ascending.</summary>
    public static int[] Codepoints(string text)
    {
        var codepoints = new List<int>(text.Length + 1) { ' ' };
        foreach (var rune in text.EnumerateRunes())
        {
            codepoints.Add(rune.Value);
        }
        codepoints.Sort();
        var distinct = new List<int>(codepoints.Count);
        foreach (var codepoint in codepoints)
        {
            if (distinct.Count == 0 || distinct[^1] != codepoint)
            {
                distinct.Add(codepoint);
            }
        }
        return [.. distinct];
    }

    public void Dispose()
    {
        Regular.Dispose();
        Bold.Dispose();
    }
}

/// <summary>
/// The last few documents' fonts, keyed by their character sets. A document's font bytes depend only on its
/// characters, so rendering the same agreement again (a re-download, a draft re-rendered after an edit that added
/// no character) reuses the typefaces, whose glyphs Skia has already loaded. Evicted fonts are not disposed (a
/// render on another thread may still use them); their finalizers release them.
/// </summary>
internal sealed class DocumentFontCache(FontFile regular, FontFile bold, int capacity = 16) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly LinkedList<(Key Key, DocumentFonts Fonts)> _entries = new();

    /// <exception cref="MissingGlyphException">A character has no glyph: it would print as a box.</exception>
    public DocumentFonts Get(string regularText, string boldText)
    {
        var key = new Key(DocumentFonts.Codepoints(regularText), DocumentFonts.Codepoints(boldText));
        lock (_gate)
        {
            for (var node = _entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Key.Equals(key))
                {
                    _entries.Remove(node);
                    _entries.AddFirst(node);
                    return node.Value.Fonts;
                }
            }
        }
        var fonts = new DocumentFonts(regular.Subset(key.Regular), bold.Subset(key.Bold));
        lock (_gate)
        {
            _entries.AddFirst((key, fonts));
            while (_entries.Count > capacity)
            {
                _entries.RemoveLast();
            }
        }
        return fonts;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var (_, fonts) in _entries)
            {
                fonts.Dispose();
            }
            _entries.Clear();
        }
    }

    private sealed class Key(int[] regular, int[] bold) : IEquatable<Key>
    {
        private readonly int _hash = Hash(regular, bold);

        public int[] Regular { get; } = regular;

        public int[] Bold { get; } = bold;

        public bool Equals(Key? other) =>
            other is not null && _hash == other._hash
            && Regular.AsSpan().SequenceEqual(other.Regular) && Bold.AsSpan().SequenceEqual(other.Bold);

        public override bool Equals(object? obj) => Equals(obj as Key);

        public override int GetHashCode() => _hash;

        private static int Hash(int[] regular, int[] bold)
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(regular.AsSpan()));
            hash.Add(-1);
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(bold.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
