using System.Buffers.Binary;
using System.Text;

namespace YiyangPortal.Documents.Fonts;

/// <summary>
/// Reads the few font-wide values a TrueType rebuild needs (head, hhea, OS/2, post, hmtx, names) from one face of
/// an OpenType file or collection, in place.
/// </summary>
internal sealed class SfntFace
{
    private readonly ReadOnlyMemory<byte> _file;
    private readonly Dictionary<string, (int Offset, int Length)> _tables = [];

    public SfntFace(ReadOnlyMemory<byte> file, int faceIndex)
    {
        _file = file;
        var span = file.Span;
        var faceOffset = 0;
        if (Encoding.ASCII.GetString(span[..4]) == "ttcf")
        {
            var faces = BinaryPrimitives.ReadInt32BigEndian(span[8..]);
            if (faceIndex < 0 || faceIndex >= faces)
            {
                throw new InvalidOperationException($"The collection has {faces} faces, not {faceIndex + 1}.");
            }
            faceOffset = BinaryPrimitives.ReadInt32BigEndian(span[(12 + (4 * faceIndex))..]);
        }
        var count = BinaryPrimitives.ReadUInt16BigEndian(span[(faceOffset + 4)..]);
        for (var i = 0; i < count; i++)
        {
            var record = span.Slice(faceOffset + 12 + (16 * i), 16);
            _tables[Encoding.ASCII.GetString(record[..4])] =
                (BinaryPrimitives.ReadInt32BigEndian(record[8..]), BinaryPrimitives.ReadInt32BigEndian(record[12..]));
        }
        var hhea = Table("hhea");
        NumberOfHMetrics = BinaryPrimitives.ReadUInt16BigEndian(hhea[34..]);
        UnitsPerEm = BinaryPrimitives.ReadUInt16BigEndian(Table("head")[18..]);
    }

    public int UnitsPerEm { get; }

    private int NumberOfHMetrics { get; }

    public ReadOnlySpan<byte> Table(string tag) =>
        _tables.TryGetValue(tag, out var table)
            ? _file.Span.Slice(table.Offset, table.Length)
            : throw new InvalidOperationException($"The font has no {tag} table.");

    /// <summary>The advance width of a glyph in font units (hmtx).</summary>
    public ushort Advance(int glyph)
    {
        var index = Math.Min(glyph, NumberOfHMetrics - 1);
        return BinaryPrimitives.ReadUInt16BigEndian(Table("hmtx")[(4 * index)..]);
    }

    /// <summary>The Windows (3, 1, en-US) name records with the given ids, as stored (UTF-16BE).</summary>
    public IReadOnlyList<(ushort NameId, byte[] Utf16)> WindowsNames(params ushort[] nameIds)
    {
        var name = Table("name");
        var count = BinaryPrimitives.ReadUInt16BigEndian(name[2..]);
        var storage = BinaryPrimitives.ReadUInt16BigEndian(name[4..]);
        var names = new List<(ushort, byte[])>();
        for (var i = 0; i < count; i++)
        {
            var record = name.Slice(6 + (12 * i), 12);
            var platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(record[2..]);
            var language = BinaryPrimitives.ReadUInt16BigEndian(record[4..]);
            var nameId = BinaryPrimitives.ReadUInt16BigEndian(record[6..]);
            if (platform == 3 && encoding == 1 && language == 0x409 && nameIds.Contains(nameId))
            {
                var length = BinaryPrimitives.ReadUInt16BigEndian(record[8..]);
                var offset = BinaryPrimitives.ReadUInt16BigEndian(record[10..]);
                names.Add((nameId, name.Slice(storage + offset, length).ToArray()));
            }
        }
        return names.OrderBy(n => n.Item1).ToList();
    }
}
