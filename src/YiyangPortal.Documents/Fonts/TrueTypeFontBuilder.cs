using System.Buffers.Binary;

namespace YiyangPortal.Documents.Fonts;

/// <summary>
/// Assembles a minimal TrueType font (glyf outlines) from converted glyphs: glyph 0 is .notdef and glyph i + 1
/// the i-th code point in ascending order, each code point mapped by cmap to its own glyph (so a PDF's ToUnicode
/// map gives back exactly the characters printed). Font-wide values (metrics, names, OS/2) come from the source face.
/// Skia's PDF backend embeds TrueType as a CIDFontType2 font program, where CFF gets Type 3 glyph procedures.
/// </summary>
internal static class TrueTypeFontBuilder
{
    private static readonly ushort[] NameIds = [1, 2, 3, 4, 6];

    /// <param name="codepoints">Ascending and distinct; <paramref name="glyphs"/> holds their glyphs in the same order.</param>
    public static byte[] Build(SfntFace source, TrueTypeGlyph notdef, int[] codepoints, TrueTypeGlyph[] glyphs)
    {
        var all = new List<TrueTypeGlyph>(glyphs.Length + 1) { notdef };
        all.AddRange(glyphs);

        var (glyf, loca, shortLoca) = GlyfAndLoca(all);
        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["OS/2"] = source.Table("OS/2").ToArray(),
            ["cmap"] = Cmap(codepoints),
            ["glyf"] = glyf,
            ["head"] = Head(source, all, shortLoca),
            ["hhea"] = Hhea(source, all),
            ["hmtx"] = Hmtx(all),
            ["loca"] = loca,
            ["maxp"] = Maxp(all),
            ["name"] = Name(source),
            ["post"] = Post(source),
        };
        return Assemble(tables);
    }

    private static (byte[] Glyf, byte[] Loca, bool ShortLoca) GlyfAndLoca(List<TrueTypeGlyph> glyphs)
    {
        var glyf = new BigEndianWriter(glyphs.Sum(g => g.Data.Length + 1));
        var offsets = new List<int>(glyphs.Count + 1);
        foreach (var glyph in glyphs)
        {
            offsets.Add(glyf.Length);
            glyf.Bytes(glyph.Data);
            glyf.Pad(2);
        }
        offsets.Add(glyf.Length);
        var shortLoca = glyf.Length < 0x20000;
        var loca = new BigEndianWriter(offsets.Count * 4);
        foreach (var offset in offsets)
        {
            if (shortLoca)
            {
                loca.UInt16((ushort)(offset / 2));
            }
            else
            {
                loca.UInt32((uint)offset);
            }
        }
        return (glyf.ToArray(), loca.ToArray(), shortLoca);
    }

    private static byte[] Head(SfntFace source, List<TrueTypeGlyph> glyphs, bool shortLoca)
    {
        var head = source.Table("head")[..54].ToArray();
        var inked = glyphs.Where(g => g.Contours > 0).ToList();
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0); // checkSumAdjustment, set when assembled
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(36), inked.Count == 0 ? (short)0 : inked.Min(g => g.XMin));
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(38), inked.Count == 0 ? (short)0 : inked.Min(g => g.YMin));
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(40), inked.Count == 0 ? (short)0 : inked.Max(g => g.XMax));
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(42), inked.Count == 0 ? (short)0 : inked.Max(g => g.YMax));
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), shortLoca ? (short)0 : (short)1);
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(52), 0);
        return head;
    }

    private static byte[] Hhea(SfntFace source, List<TrueTypeGlyph> glyphs)
    {
        var hhea = source.Table("hhea")[..36].ToArray();
        var inked = glyphs.Where(g => g.Contours > 0).ToList();
        BinaryPrimitives.WriteUInt16BigEndian(hhea.AsSpan(10), glyphs.Max(g => g.Advance));
        BinaryPrimitives.WriteInt16BigEndian(hhea.AsSpan(12), inked.Count == 0 ? (short)0 : inked.Min(g => g.XMin));
        BinaryPrimitives.WriteInt16BigEndian(hhea.AsSpan(14), inked.Count == 0 ? (short)0 : (short)inked.Min(g => g.Advance - g.XMax));
        BinaryPrimitives.WriteInt16BigEndian(hhea.AsSpan(16), inked.Count == 0 ? (short)0 : inked.Max(g => g.XMax));
        BinaryPrimitives.WriteInt16BigEndian(hhea.AsSpan(32), 0); // metricDataFormat
        BinaryPrimitives.WriteUInt16BigEndian(hhea.AsSpan(34), (ushort)glyphs.Count);
        return hhea;
    }

    private static byte[] Hmtx(List<TrueTypeGlyph> glyphs)
    {
        var hmtx = new BigEndianWriter(glyphs.Count * 4);
        foreach (var glyph in glyphs)
        {
            hmtx.UInt16(glyph.Advance);
            hmtx.Int16(glyph.XMin);
        }
        return hmtx.ToArray();
    }

    private static byte[] Maxp(List<TrueTypeGlyph> glyphs)
    {
        var maxp = new BigEndianWriter(32);
        maxp.UInt32(0x00010000);
        maxp.UInt16((ushort)glyphs.Count);
        maxp.UInt16((ushort)glyphs.Max(g => g.Points));
        maxp.UInt16((ushort)glyphs.Max(g => g.Contours));
        maxp.UInt16(0); // maxCompositePoints
        maxp.UInt16(0); // maxCompositeContours
        maxp.UInt16(2); // maxZones
        for (var i = 0; i < 8; i++)
        {
            maxp.UInt16(0); // twilight points, storage, function/instruction defs, stack, instructions, components
        }
        return maxp.ToArray();
    }

    // Format 4 for the BMP (every consumer reads it) and, only when needed, format 12 for all code points.
    private static byte[] Cmap(int[] codepoints)
    {
        var runs = Runs(codepoints, codepoints.Length);
        var bmpRuns = Runs(codepoints, codepoints.Count(c => c < 0xFFFF));
        var format4 = Format4(bmpRuns, codepoints);
        var needs12 = codepoints.Any(c => c > 0xFFFF);
        var cmap = new BigEndianWriter();
        cmap.UInt16(0);
        cmap.UInt16(needs12 ? (ushort)2 : (ushort)1);
        var first = 4 + ((needs12 ? 2 : 1) * 8);
        cmap.UInt16(3);
        cmap.UInt16(1);
        cmap.UInt32((uint)first);
        if (needs12)
        {
            cmap.UInt16(3);
            cmap.UInt16(10);
            cmap.UInt32((uint)(first + format4.Length));
        }
        cmap.Bytes(format4);
        if (needs12)
        {
            cmap.UInt16(12);
            cmap.UInt16(0);
            cmap.UInt32((uint)(16 + (12 * runs.Count)));
            cmap.UInt32(0);
            cmap.UInt32((uint)runs.Count);
            foreach (var (start, end) in runs)
            {
                cmap.UInt32((uint)codepoints[start]);
                cmap.UInt32((uint)codepoints[end]);
                cmap.UInt32((uint)(start + 1));
            }
        }
        return cmap.ToArray();
    }

    // Runs of consecutive code points, as index ranges into the sorted list (glyph = index + 1, so consecutive too).
    // Only the first <paramref name="count"/> code points (the BMP ones come first).
    private static List<(int Start, int End)> Runs(int[] codepoints, int count)
    {
        var runs = new List<(int, int)>();
        for (var i = 0; i < count;)
        {
            var end = i;
            while (end + 1 < count && codepoints[end + 1] == codepoints[end] + 1)
            {
                end++;
            }
            runs.Add((i, end));
            i = end + 1;
        }
        return runs;
    }

    private static byte[] Format4(List<(int Start, int End)> runs, int[] codepoints)
    {
        var segments = runs.Count + 1;
        var entrySelector = (int)Math.Floor(Math.Log2(segments));
        var searchRange = 2 * (1 << entrySelector);
        var table = new BigEndianWriter(16 + (8 * segments));
        table.UInt16(4);
        table.UInt16((ushort)(16 + (8 * segments)));
        table.UInt16(0);
        table.UInt16((ushort)(2 * segments));
        table.UInt16((ushort)searchRange);
        table.UInt16((ushort)entrySelector);
        table.UInt16((ushort)((2 * segments) - searchRange));
        foreach (var (_, end) in runs)
        {
            table.UInt16((ushort)codepoints[end]);
        }
        table.UInt16(0xFFFF);
        table.UInt16(0); // reservedPad
        foreach (var (start, _) in runs)
        {
            table.UInt16((ushort)codepoints[start]);
        }
        table.UInt16(0xFFFF);
        foreach (var (start, _) in runs)
        {
            table.UInt16((ushort)((start + 1 - codepoints[start]) & 0xFFFF));
        }
        table.UInt16(1);
        for (var i = 0; i < segments; i++)
        {
            table.UInt16(0); // idRangeOffset
        }
        return table.ToArray();
    }

    private static byte[] Name(SfntFace source)
    {
        var names = source.WindowsNames(NameIds);
        var table = new BigEndianWriter();
        table.UInt16(0);
        table.UInt16((ushort)names.Count);
        table.UInt16((ushort)(6 + (12 * names.Count)));
        var offset = 0;
        foreach (var (nameId, utf16) in names)
        {
            table.UInt16(3);
            table.UInt16(1);
            table.UInt16(0x409);
            table.UInt16(nameId);
            table.UInt16((ushort)utf16.Length);
            table.UInt16((ushort)offset);
            offset += utf16.Length;
        }
        foreach (var (_, utf16) in names)
        {
            table.Bytes(utf16);
        }
        return table.ToArray();
    }

    // Version 3: no glyph names. Italic angle, underline and pitch from the source.
    private static byte[] Post(SfntFace source)
    {
        var post = new byte[32];
        BinaryPrimitives.WriteUInt32BigEndian(post, 0x00030000);
        source.Table("post").Slice(4, 12).CopyTo(post.AsSpan(4));
        return post;
    }

    private static byte[] Assemble(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var entrySelector = (int)Math.Floor(Math.Log2(count));
        var searchRange = 16 * (1 << entrySelector);
        var font = new BigEndianWriter(12 + (16 * count) + tables.Values.Sum(t => t.Length + 3));
        font.UInt32(0x00010000);
        font.UInt16((ushort)count);
        font.UInt16((ushort)searchRange);
        font.UInt16((ushort)entrySelector);
        font.UInt16((ushort)((16 * count) - searchRange));
        var offset = 12 + (16 * count);
        var headOffset = 0;
        foreach (var (tag, data) in tables)
        {
            font.Bytes(System.Text.Encoding.ASCII.GetBytes(tag));
            font.UInt32(Checksum(data));
            font.UInt32((uint)offset);
            font.UInt32((uint)data.Length);
            if (tag == "head")
            {
                headOffset = offset;
            }
            offset += (data.Length + 3) & ~3;
        }
        foreach (var data in tables.Values)
        {
            font.Bytes(data);
            font.Pad(4);
        }
        font.PatchUInt32(headOffset + 8, 0xB1B0AFBA - Checksum(font.Written));
        return font.ToArray();
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var i = 0;
        for (; i + 4 <= data.Length; i += 4)
        {
            sum += BinaryPrimitives.ReadUInt32BigEndian(data[i..]);
        }
        if (i < data.Length)
        {
            Span<byte> last = stackalloc byte[4];
            last.Clear();
            data[i..].CopyTo(last);
            sum += BinaryPrimitives.ReadUInt32BigEndian(last);
        }
        return sum;
    }
}
