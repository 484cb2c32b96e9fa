using YiyangPortal.Signing.Pdf;

namespace YiyangPortal.Signing.Verification;

/// <summary>A signature as found in the file: its field, the ranges it claims to cover and its CMS bytes.</summary>
internal sealed record FoundSignature(string FieldName, long[] ByteRange, byte[] Contents, string? SubFilter, string? ClaimedTime);

/// <summary>Finds the signature fields of the interactive form (ISO 32000-1 §12.7.4.5), in field order.</summary>
internal static class PdfSignatureLocator
{
    public static List<FoundSignature> Find(PdfFile file)
    {
        var found = new List<FoundSignature>();
        if (file.Resolve(file.Catalog["AcroForm"]) is not PdfDictionary form || file.Resolve(form["Fields"]) is not PdfArray fields)
        {
            return found;
        }
        foreach (var field in fields.Items)
        {
            Visit(file, field, "", found, 0);
        }
        return found.OrderBy(s => s.ByteRange.Length == 4 ? s.ByteRange[2] + s.ByteRange[3] : 0).ToList();
    }

    private static void Visit(PdfFile file, PdfObject fieldObject, string parentName, List<FoundSignature> found, int depth)
    {
        if (depth > 16 || file.Resolve(fieldObject) is not PdfDictionary field)
        {
            return;
        }
        var name = field["T"] is PdfString t ? (parentName.Length > 0 ? parentName + "." : "") + t.AsText() : parentName;
        if (file.Resolve(field["Kids"]) is PdfArray kids)
        {
            foreach (var kid in kids.Items)
            {
                Visit(file, kid, name, found, depth + 1);
            }
        }
        if (field["FT"] is not PdfName { Value: "Sig" } || file.Resolve(field["V"]) is not PdfDictionary signature)
        {
            return;
        }
        var range = file.Resolve(signature["ByteRange"]) is PdfArray array
            ? array.Items.Select(i => i is PdfNumber n ? n.AsLong() : -1).ToArray()
            : [];
        var contents = signature["Contents"] is PdfString s ? s.Bytes : [];
        found.Add(new FoundSignature(
            name,
            range,
            contents,
            (signature["SubFilter"] as PdfName)?.Value,
            (signature["M"] as PdfString)?.AsText()));
    }
}
