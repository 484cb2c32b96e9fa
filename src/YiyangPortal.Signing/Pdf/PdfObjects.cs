using System.Text;

namespace YiyangPortal.Signing.Pdf;

/// <summary>
/// The PDF object model (ISO 32000-1 §7.3), just enough to read the objects a signature touches and write them back:
/// numbers keep their original text, strings their bytes, so an object read and written again means the same.
/// </summary>
internal abstract record PdfObject;

internal sealed record PdfNull : PdfObject
{
    public static readonly PdfNull Instance = new();
}

internal sealed record PdfBoolean(bool Value) : PdfObject;

/// <summary>A number as written (e.g. ".60000002"): rewriting it never changes its digits.</summary>
internal sealed record PdfNumber(string Text) : PdfObject
{
    public static PdfNumber Of(long value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static PdfNumber Of(float value) => new(value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture));

    /// <exception cref="UnsupportedPdfException">Not an integer.</exception>
    public long AsLong() => long.TryParse(Text, System.Globalization.CultureInfo.InvariantCulture, out var value)
        ? value
        : throw new UnsupportedPdfException("PDF 中应为整数之处是“{0}”。", Text);
}

/// <summary>A name, without its slash, #xx escapes decoded.</summary>
internal sealed record PdfName(string Value) : PdfObject
{
    public override string ToString() => "/" + Value;
}

/// <summary>A string's bytes (literal or hexadecimal in the file).</summary>
internal sealed record PdfString(byte[] Bytes) : PdfObject
{
    /// <summary>A text string (§7.9.2.2): UTF-16BE with a byte order mark unless it is plain ASCII.</summary>
    public static PdfString Text(string value)
    {
        if (value.All(c => c is >= ' ' and < '\u007f'))
        {
            return new PdfString(Encoding.ASCII.GetBytes(value));
        }
        return new PdfString([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(value)]);
    }

    public string AsText() => Bytes is [0xFE, 0xFF, ..]
        ? Encoding.BigEndianUnicode.GetString(Bytes, 2, Bytes.Length - 2)
        : Encoding.Latin1.GetString(Bytes);
}

internal sealed record PdfReference(int Number, int Generation) : PdfObject;

internal sealed record PdfArray(List<PdfObject> Items) : PdfObject;

/// <summary>A dictionary; keys keep their order so a rewritten object reads like the original.</summary>
internal sealed record PdfDictionary(List<KeyValuePair<string, PdfObject>> Entries) : PdfObject
{
    public PdfDictionary()
        : this([])
    {
    }

    public PdfObject? this[string key]
    {
        get
        {
            foreach (var entry in Entries)
            {
                if (entry.Key == key)
                {
                    return entry.Value;
                }
            }
            return null;
        }
    }

    /// <summary>A copy with <paramref name="key"/> set (replaced in place, or added at the end).</summary>
    public PdfDictionary With(string key, PdfObject value)
    {
        var entries = new List<KeyValuePair<string, PdfObject>>(Entries);
        var index = entries.FindIndex(e => e.Key == key);
        if (index >= 0)
        {
            entries[index] = new(key, value);
        }
        else
        {
            entries.Add(new(key, value));
        }
        return new PdfDictionary(entries);
    }

    public PdfDictionary Add(string key, PdfObject value)
    {
        Entries.Add(new(key, value));
        return this;
    }
}

/// <summary>A stream: its dictionary (with /Length) and its encoded data.</summary>
internal sealed record PdfStream(PdfDictionary Dictionary, byte[] Data) : PdfObject;

/// <summary>Text written as it is: the signature writer's fixed-width /ByteRange placeholder.</summary>
internal sealed record PdfRaw(string Text) : PdfObject;
