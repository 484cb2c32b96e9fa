using System.Globalization;

namespace YiyangPortal.Signing.Pdf;

/// <summary>
/// An incremental update (ISO 32000-1 §7.5.6): new and changed objects appended after the original bytes, which stay
/// untouched (so earlier signatures stay valid), followed by a cross-reference section for just those objects and a
/// trailer pointing back to the previous one with /Prev.
/// </summary>
internal sealed class IncrementalUpdate(PdfFile file)
{
    private readonly SortedDictionary<int, PdfObject> _objects = [];
    private int _next = file.Size;

    public PdfReference Allocate() => new(_next++, 0);

    public void Set(PdfReference reference, PdfObject value) => _objects[reference.Number] = value;

    /// <summary>The whole updated file, and where each written object starts in it.</summary>
    public (byte[] Bytes, IReadOnlyDictionary<int, int> Offsets) Build()
    {
        using var output = new MemoryStream(file.Data.Length + 64 * 1024);
        output.Write(file.Data);
        if (file.Data[^1] is not (byte)'\n' and not (byte)'\r')
        {
            output.WriteByte((byte)'\n');
        }
        var offsets = new Dictionary<int, int>();
        foreach (var (number, value) in _objects)
        {
            offsets[number] = (int)output.Position;
            PdfWriter.Ascii(output, string.Create(CultureInfo.InvariantCulture, $"{number} 0 obj\n"));
            PdfWriter.Write(output, value);
            PdfWriter.Ascii(output, "\nendobj\n");
        }
        var xref = (int)output.Position;
        WriteXref(output, offsets);
        var trailer = new PdfDictionary()
            .Add("Size", PdfNumber.Of(Math.Max(_next, file.Size)))
            .Add("Root", file.RootReference)
            .Add("Prev", PdfNumber.Of(file.Revisions[0].XrefOffset));
        foreach (var key in new[] { "Info", "ID" })
        {
            if (file.Trailer[key] is { } value)
            {
                trailer.Add(key, value);
            }
        }
        PdfWriter.Ascii(output, "trailer\n");
        PdfWriter.Write(output, trailer);
        PdfWriter.Ascii(output, string.Create(CultureInfo.InvariantCulture, $"\nstartxref\n{xref}\n%%EOF\n"));
        return (output.ToArray(), offsets);
    }

    // One subsection per run of consecutive object numbers; each entry exactly 20 bytes (§7.5.4).
    private static void WriteXref(Stream output, Dictionary<int, int> offsets)
    {
        PdfWriter.Ascii(output, "xref\n");
        var numbers = offsets.Keys.Order().ToList();
        for (var start = 0; start < numbers.Count;)
        {
            var end = start;
            while (end + 1 < numbers.Count && numbers[end + 1] == numbers[end] + 1)
            {
                end++;
            }
            PdfWriter.Ascii(output, string.Create(CultureInfo.InvariantCulture, $"{numbers[start]} {end - start + 1}\n"));
            for (var i = start; i <= end; i++)
            {
                PdfWriter.Ascii(output, string.Create(CultureInfo.InvariantCulture, $"{offsets[numbers[i]]:D10} 00000 n\r\n"));
            }
            start = end + 1;
        }
    }
}
