using System.Globalization;
using System.Text;
using YiyangPortal.Signing.Pdf;

namespace YiyangPortal.Signing.Pades;

/// <summary>
/// The PDF with one more signature, its /Contents still zeros: the bytes before and after the hole are what the
/// signature covers (/ByteRange [0 ContentsStart ContentsEnd Length-ContentsEnd]).
/// </summary>
internal sealed record PreparedSignature(byte[] Bytes, int ContentsStart, int ContentsEnd)
{
    /// <summary>Room for the DER SignedData, in bytes (the hex string holds twice as many digits).</summary>
    public int Capacity => (ContentsEnd - ContentsStart - 2) / 2;
}

/// <summary>
/// Appends a signature as an incremental update (ISO 32000-1 §7.5.6, §12.7.4.5, §12.8): the signature dictionary
/// (/Filter /Adobe.PPKLite, /SubFilter /ETSI.CAdES.detached, /ByteRange, /Contents placeholder, /M, /Name, /Reason,
/// /Location), a signature field merged with its widget annotation on the given page, whose normal appearance
/// draws the seal image (with its soft mask), the page's /Annots and the /AcroForm's /Fields extended, /SigFlags 3.
/// </summary>
internal static class SignatureFieldWriter
{
    private const string ByteRangePlaceholder = "[0 0000000000 0000000000 0000000000]";

    public static PreparedSignature Prepare(byte[] pdf, SealPlacement placement, DateTimeOffset signingTime, int contentsCapacity)
    {
        var file = PdfFile.Open(pdf);
        var pages = file.PageReferences();
        if (placement.PageIndex < 0 || placement.PageIndex >= pages.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(placement), $"The document has {pages.Count} pages; page index {placement.PageIndex} does not exist.");
        }
        var pageReference = pages[placement.PageIndex];
        var update = new IncrementalUpdate(file);
        var signature = update.Allocate();
        var widget = update.Allocate();
        var appearance = update.Allocate();
        var image = update.Allocate();
        var mask = placement.Appearance.Alpha is null ? null : update.Allocate();

        update.Set(signature, SignatureDictionary(placement, signingTime, contentsCapacity));
        update.Set(widget, Widget(placement, signature, appearance, pageReference));
        update.Set(appearance, AppearanceStream(placement, image));
        update.Set(image, ImageStream(placement.Appearance, placement.Appearance.Color, "DeviceRGB", mask));
        if (mask is not null)
        {
            update.Set(mask, ImageStream(placement.Appearance, placement.Appearance.Alpha!, "DeviceGray", null));
        }
        AddToPage(file, update, pageReference, widget);
        AddToForm(file, update, widget, placement.FieldName);

        var (bytes, offsets) = update.Build();
        return Locate(bytes, offsets[signature.Number]);
    }

    private static PdfDictionary SignatureDictionary(SealPlacement placement, DateTimeOffset signingTime, int capacity)
    {
        var dictionary = new PdfDictionary()
            .Add("Type", new PdfName("Sig"))
            .Add("Filter", new PdfName("Adobe.PPKLite"))
            .Add("SubFilter", new PdfName("ETSI.CAdES.detached"))
            .Add("M", new PdfString(Encoding.ASCII.GetBytes(PdfDate(signingTime))))
            .Add("Name", PdfString.Text(placement.SignerName));
        AddText(dictionary, "Reason", placement.Reason);
        AddText(dictionary, "Location", placement.Location);
        AddText(dictionary, "ContactInfo", placement.ContactInfo);
        // Placeholders the writer fills in place once the offsets are known; both are written last.
        dictionary.Add("ByteRange", new PdfRaw(ByteRangePlaceholder));
        dictionary.Add("Contents", new PdfString(new byte[capacity]));
        return dictionary;
    }

    private static void AddText(PdfDictionary dictionary, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            dictionary.Add(key, PdfString.Text(value));
        }
    }

    private static PdfDictionary Widget(SealPlacement placement, PdfReference signature, PdfReference appearance, PdfReference page)
    {
        var r = placement.WidgetRectangle;
        return new PdfDictionary()
            .Add("Type", new PdfName("Annot"))
            .Add("Subtype", new PdfName("Widget"))
            .Add("FT", new PdfName("Sig"))
            .Add("T", PdfString.Text(placement.FieldName))
            .Add("V", signature)
            .Add("F", PdfNumber.Of(132)) // Print (4) + Locked (128)
            .Add("P", page)
            .Add("Rect", new PdfArray([PdfNumber.Of(r.Left), PdfNumber.Of(r.Bottom), PdfNumber.Of(r.Right), PdfNumber.Of(r.Top)]))
            .Add("AP", new PdfDictionary().Add("N", appearance));
    }

    // A form XObject as large as the widget, drawing the caption (black glyph outlines) and the image scaled into the
    // seal's square (§12.5.5, §8.10), blended with Multiply (§11.3.5): red over white stays red, over black text the
    // text stays black, as ink on paper.
    private static PdfStream AppearanceStream(SealPlacement placement, PdfReference image)
    {
        var widget = placement.WidgetRectangle;
        var seal = placement.Rectangle;
        string N(float value) => PdfNumber.Of(value).Text;
        var content = new StringBuilder();
        if (placement.Caption is { } caption)
        {
            content.Append($"q 1 0 0 1 {N(caption.Area.Left - widget.Left)} {N(caption.Area.Bottom - widget.Bottom)} cm 0 g ")
                .Append(caption.Operators).Append(" Q ");
        }
        content.Append($"q /Ink gs {N(seal.Width)} 0 0 {N(seal.Height)} {N(seal.Left - widget.Left)} {N(seal.Bottom - widget.Bottom)} cm /Seal Do Q");
        var resources = new PdfDictionary()
            .Add("ExtGState", new PdfDictionary().Add("Ink", new PdfDictionary()
                .Add("Type", new PdfName("ExtGState"))
                .Add("BM", new PdfName("Multiply"))))
            .Add("XObject", new PdfDictionary().Add("Seal", image));
        var dictionary = new PdfDictionary()
            .Add("Type", new PdfName("XObject"))
            .Add("Subtype", new PdfName("Form"))
            .Add("BBox", new PdfArray([PdfNumber.Of(0), PdfNumber.Of(0), PdfNumber.Of(widget.Width), PdfNumber.Of(widget.Height)]))
            .Add("Resources", resources);
        if (placement.Caption is null)
        {
            return new PdfStream(dictionary, Encoding.ASCII.GetBytes(content.ToString()));
        }

        // Glyph outlines are long; deflated they are a few kilobytes.
        using var deflated = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(deflated, System.IO.Compression.CompressionLevel.Fastest))
        {
            zlib.Write(Encoding.ASCII.GetBytes(content.ToString()));
        }
        return new PdfStream(dictionary.Add("Filter", new PdfName("FlateDecode")), deflated.ToArray());
    }

    private static PdfStream ImageStream(SealAppearance appearance, byte[] data, string colorSpace, PdfReference? mask)
    {
        var dictionary = new PdfDictionary()
            .Add("Type", new PdfName("XObject"))
            .Add("Subtype", new PdfName("Image"))
            .Add("Width", PdfNumber.Of(appearance.Width))
            .Add("Height", PdfNumber.Of(appearance.Height))
            .Add("ColorSpace", new PdfName(colorSpace))
            .Add("BitsPerComponent", PdfNumber.Of(8))
            .Add("Filter", new PdfName("FlateDecode"));
        if (mask is not null)
        {
            dictionary.Add("SMask", mask);
        }
        return new PdfStream(dictionary, data);
    }

    private static void AddToPage(PdfFile file, IncrementalUpdate update, PdfReference pageReference, PdfReference widget)
    {
        var page = file.Dictionary(pageReference);
        switch (page["Annots"])
        {
            case null:
                update.Set(pageReference, page.With("Annots", new PdfArray([widget])));
                break;
            case PdfArray annotations:
                update.Set(pageReference, page.With("Annots", new PdfArray([.. annotations.Items, widget])));
                break;
            case PdfReference annotationsReference when file.GetObject(annotationsReference) is PdfArray annotations:
                update.Set(annotationsReference, new PdfArray([.. annotations.Items, widget]));
                break;
            default:
                throw new UnsupportedPdfException("PDF 页面的 /Annots 无法识别。");
        }
    }

    private static void AddToForm(PdfFile file, IncrementalUpdate update, PdfReference widget, string fieldName)
    {
        var catalog = file.Catalog;
        switch (catalog["AcroForm"])
        {
            case null:
                var form = update.Allocate();
                update.Set(form, Form(file, new PdfDictionary(), widget, fieldName));
                update.Set(file.RootReference, catalog.With("AcroForm", form));
                break;
            case PdfDictionary direct:
                update.Set(file.RootReference, catalog.With("AcroForm", Form(file, direct, widget, fieldName)));
                break;
            case PdfReference reference when file.GetObject(reference) is PdfDictionary existing:
                update.Set(reference, Form(file, existing, widget, fieldName));
                break;
            default:
                throw new UnsupportedPdfException("PDF 的 /AcroForm 无法识别。");
        }
    }

    private static PdfDictionary Form(PdfFile file, PdfDictionary form, PdfReference widget, string fieldName)
    {
        var fields = file.Resolve(form["Fields"]) switch
        {
            PdfArray array => array.Items,
            PdfNull => [],
            _ => throw new UnsupportedPdfException("PDF 表单的 /Fields 无法识别。"),
        };
        foreach (var field in fields.OfType<PdfReference>())
        {
            if (file.Dictionary(field)["T"] is PdfString name && name.AsText() == fieldName)
            {
                throw new InvalidOperationException($"The document already has a field named {fieldName}.");
            }
        }
        return form.With("Fields", new PdfArray([.. fields, widget])).With("SigFlags", PdfNumber.Of(3));
    }

    // Fills /ByteRange now that the hole's position is known; the digits are padded so no offset moves.
    private static PreparedSignature Locate(byte[] bytes, int signatureOffset)
    {
        var span = bytes.AsSpan(signatureOffset);
        var valueAt = signatureOffset + span.IndexOf(Encoding.ASCII.GetBytes("/ByteRange " + ByteRangePlaceholder)) + "/ByteRange ".Length;
        var contentsAt = signatureOffset + span.IndexOf("/Contents <"u8) + "/Contents ".Length;
        var contentsEnd = bytes.AsSpan(contentsAt).IndexOf((byte)'>') + contentsAt + 1;
        var range = string.Create(CultureInfo.InvariantCulture, $"[0 {contentsAt} {contentsEnd} {bytes.Length - contentsEnd}]");
        Encoding.ASCII.GetBytes(range.PadRight(ByteRangePlaceholder.Length)).CopyTo(bytes, valueAt);
        return new PreparedSignature(bytes, contentsAt, contentsEnd);
    }

    /// <summary>A PDF date (§7.9.4) in Beijing time, e.g. D:20260227091500+08'00'.</summary>
    public static string PdfDate(DateTimeOffset time)
    {
        var beijing = time.ToOffset(TimeSpan.FromHours(8));
        return "D:" + beijing.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+08'00'";
    }
}
