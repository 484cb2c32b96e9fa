using System.Globalization;
using System.Text;

namespace YiyangPortal.Signing.Pdf;

/// <summary>Writes PDF objects (ISO 32000-1 §7.3) in the plain form the renderer uses: strings as hexadecimal.</summary>
internal static class PdfWriter
{
    public static void Write(Stream output, PdfObject value)
    {
        switch (value)
        {
            case PdfNull:
                Ascii(output, "null");
                break;
            case PdfBoolean boolean:
                Ascii(output, boolean.Value ? "true" : "false");
                break;
            case PdfNumber number:
                Ascii(output, number.Text);
                break;
            case PdfRaw raw:
                Ascii(output, raw.Text);
                break;
            case PdfName name:
                WriteName(output, name.Value);
                break;
            case PdfString text:
                output.WriteByte((byte)'<');
                Ascii(output, Convert.ToHexString(text.Bytes));
                output.WriteByte((byte)'>');
                break;
            case PdfReference reference:
                Ascii(output, string.Create(CultureInfo.InvariantCulture, $"{reference.Number} {reference.Generation} R"));
                break;
            case PdfArray array:
                output.WriteByte((byte)'[');
                for (var i = 0; i < array.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        output.WriteByte((byte)' ');
                    }
                    Write(output, array.Items[i]);
                }
                output.WriteByte((byte)']');
                break;
            case PdfDictionary dictionary:
                WriteDictionary(output, dictionary);
                break;
            case PdfStream stream:
                WriteDictionary(output, stream.Dictionary.With("Length", PdfNumber.Of(stream.Data.Length)));
                Ascii(output, "\nstream\n");
                output.Write(stream.Data);
                Ascii(output, "\nendstream");
                break;
            default:
                throw new InvalidOperationException($"Unknown PDF object {value.GetType().Name}.");
        }
    }

    public static void Ascii(Stream output, string text) => output.Write(Encoding.ASCII.GetBytes(text));

    private static void WriteDictionary(Stream output, PdfDictionary dictionary)
    {
        Ascii(output, "<<");
        var first = true;
        foreach (var (key, item) in dictionary.Entries)
        {
            if (!first)
            {
                output.WriteByte((byte)'\n');
            }
            first = false;
            WriteName(output, key);
            output.WriteByte((byte)' ');
            Write(output, item);
        }
        Ascii(output, ">>");
    }

    // §7.3.5: bytes outside the regular printable range, and delimiters, as #xx.
    private static void WriteName(Stream output, string name)
    {
        output.WriteByte((byte)'/');
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            if (b is < 0x21 or > 0x7E or (byte)'#' || PdfParser.IsDelimiter(b))
            {
                Ascii(output, string.Create(CultureInfo.InvariantCulture, $"#{b:X2}"));
            }
            else
            {
                output.WriteByte(b);
            }
        }
    }
}
