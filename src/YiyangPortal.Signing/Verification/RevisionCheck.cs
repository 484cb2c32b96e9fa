using YiyangPortal.Signing.Pdf;

namespace YiyangPortal.Signing.Verification;

/// <summary>
/// What the incremental updates after a signature changed (ISO 32000-1 §7.5.6, §12.8.2.2 in spirit): adding a
/// further signature is allowed — new objects, a page's /Annots grown by signature widgets, the catalog's
/// /AcroForm, the form's /Fields and /SigFlags — anything else (page contents, resources, other objects rewritten)
/// changes what the earlier signer saw.
/// </summary>
internal static class RevisionCheck
{
    private static readonly Dictionary<string, string[]> AllowedChanges = new()
    {
        ["Page"] = ["Annots"],
        ["Catalog"] = ["AcroForm"],
        ["Form"] = ["Fields", "SigFlags"],
    };

    /// <summary>True when a revision ending after <paramref name="signedEnd"/> changed more than signatures.</summary>
    public static bool ContentChangedAfter(PdfFile file, long signedEnd)
    {
        for (var r = 0; r < file.Revisions.Count; r++)
        {
            if (file.Revisions[r].EndOffset <= signedEnd)
            {
                continue;
            }
            foreach (var number in file.Revisions[r].Offsets.Keys)
            {
                var reference = new PdfReference(number, 0);
                var before = file.GetObjectAt(reference, r + 1);
                if (before is not null && !AllowedUpdate(file, before, file.GetObjectAt(reference, r)!))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static bool AllowedUpdate(PdfFile file, PdfObject before, PdfObject after)
    {
        switch (before, after)
        {
            case (PdfDictionary old, PdfDictionary now):
                var kind = KindOf(old);
                var allowed = kind is null ? [] : AllowedChanges[kind];
                var keys = old.Entries.Select(e => e.Key).Union(now.Entries.Select(e => e.Key));
                if (keys.Any(k => !allowed.Contains(k) && !Same(old[k], now[k])))
                {
                    return false;
                }
                return kind != "Page" || OnlyWidgetsAdded(file, old["Annots"], now["Annots"]);
            case (PdfArray old, PdfArray now):
                return OnlyWidgetsAdded(file, old, now);
            default:
                return Same(before, after);
        }
    }

    private static string? KindOf(PdfDictionary dictionary) => dictionary["Type"] switch
    {
        PdfName { Value: "Page" } => "Page",
        PdfName { Value: "Catalog" } => "Catalog",
        _ when dictionary["Fields"] is not null => "Form",
        _ => null,
    };

    // The annotations array only grew, and what it grew by are signature widgets.
    private static bool OnlyWidgetsAdded(PdfFile file, PdfObject? before, PdfObject? after)
    {
        var old = (before is PdfReference ? file.Resolve(before) : before) as PdfArray ?? new PdfArray([]);
        if ((after is PdfReference ? file.Resolve(after) : after) is not PdfArray now || now.Items.Count < old.Items.Count)
        {
            return before is null && after is null;
        }
        for (var i = 0; i < old.Items.Count; i++)
        {
            if (!Same(old.Items[i], now.Items[i]))
            {
                return false;
            }
        }
        return now.Items.Skip(old.Items.Count).All(item =>
            file.Resolve(item) is PdfDictionary annotation
            && annotation["Subtype"] is PdfName { Value: "Widget" } && annotation["FT"] is PdfName { Value: "Sig" });
    }

    private static bool Same(PdfObject? a, PdfObject? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }
        return Serialize(a).AsSpan().SequenceEqual(Serialize(b));
    }

    private static byte[] Serialize(PdfObject value)
    {
        using var output = new MemoryStream();
        PdfWriter.Write(output, value);
        return output.ToArray();
    }
}
