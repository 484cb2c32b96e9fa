namespace YiyangPortal.Signing.Pdf;

/// <summary>One revision of the file: where its cross-reference section starts and where the revision ends.</summary>
internal sealed record PdfRevision(int XrefOffset, int EndOffset, PdfDictionary Trailer, IReadOnlyDictionary<int, int> Offsets);

/// <summary>
/// A PDF opened for reading the few objects a signature needs (ISO 32000-1 §7.5): the classic cross-reference
/// tables of the original file and of every incremental update (§7.5.6), newest first. Refuses, with a clear
/// <see cref="UnsupportedPdfException"/>, what the portal's renderer does not write: cross-reference streams (and
/// with them object streams), hybrid files, encryption.
/// </summary>
internal sealed class PdfFile
{
    private readonly Dictionary<int, int> _offsets = [];

    private PdfFile(byte[] data)
    {
        Data = data;
        if (data.Length < 8 || !data.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
        {
            throw new UnsupportedPdfException("文件不是 PDF（缺少 %PDF- 文件头）。");
        }
        var revisions = new List<PdfRevision>();
        var offset = LastStartXref();
        var seen = new HashSet<int>();
        while (true)
        {
            if (!seen.Add(offset) || revisions.Count > 64)
            {
                throw new UnsupportedPdfException("PDF 的交叉引用表形成循环。");
            }
            var revision = ReadXrefSection(offset);
            revisions.Add(revision);
            foreach (var (number, objectOffset) in revision.Offsets)
            {
                _offsets.TryAdd(number, objectOffset);
            }
            if (revision.Trailer["Prev"] is not PdfNumber previous)
            {
                break;
            }
            offset = (int)previous.AsLong();
        }
        Revisions = revisions;
        Trailer = revisions[0].Trailer;
        if (Trailer["Encrypt"] is not null)
        {
            throw new UnsupportedPdfException("PDF 已加密，不能签章。");
        }
    }

    public byte[] Data { get; }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<PdfRevision> Revisions { get; }

    public PdfDictionary Trailer { get; }

    public int Size => Trailer["Size"] is PdfNumber size ? (int)size.AsLong() : throw new UnsupportedPdfException("PDF 文件尾缺少 /Size。");

    public PdfReference RootReference => Trailer["Root"] as PdfReference ?? throw new UnsupportedPdfException("PDF 文件尾缺少 /Root。");

    public static PdfFile Open(byte[] data) => new(data ?? throw new ArgumentNullException(nameof(data)));

    public PdfDictionary Catalog => Dictionary(RootReference);

    public PdfObject GetObject(PdfReference reference) => GetObject(reference, _offsets);

    /// <summary>An object as it was in <paramref name="revision"/> (or an earlier one).</summary>
    public PdfObject? GetObjectAt(PdfReference reference, int revision)
    {
        for (var i = revision; i < Revisions.Count; i++)
        {
            if (Revisions[i].Offsets.ContainsKey(reference.Number))
            {
                return GetObject(reference, Revisions[i].Offsets);
            }
        }
        return null;
    }

    public PdfObject Resolve(PdfObject? value) => value switch
    {
        PdfReference reference => GetObject(reference),
        null => PdfNull.Instance,
        _ => value,
    };

    public PdfDictionary Dictionary(PdfReference reference) => GetObject(reference) switch
    {
        PdfDictionary dictionary => dictionary,
        PdfStream stream => stream.Dictionary,
        _ => throw new UnsupportedPdfException("PDF 对象 {0} 不是字典。", reference.Number),
    };

    /// <summary>The page objects in page order (§7.7.3.2), walking nested page tree nodes.</summary>
    public List<PdfReference> PageReferences()
    {
        var pages = new List<PdfReference>();
        if (Catalog["Pages"] is not PdfReference root)
        {
            throw new UnsupportedPdfException("PDF 目录缺少页面树 /Pages。");
        }
        Walk(root, 0);
        return pages;

        void Walk(PdfReference node, int depth)
        {
            if (depth > 32)
            {
                throw new UnsupportedPdfException("PDF 页面树层级过深。");
            }
            var dictionary = Dictionary(node);
            if (dictionary["Type"] is PdfName { Value: "Page" })
            {
                pages.Add(node);
                return;
            }
            if (Resolve(dictionary["Kids"]) is not PdfArray kids)
            {
                throw new UnsupportedPdfException("PDF 页面树节点缺少 /Kids。");
            }
            foreach (var kid in kids.Items)
            {
                Walk(kid as PdfReference ?? throw new UnsupportedPdfException("PDF 页面树的子节点不是间接对象。"), depth + 1);
            }
        }
    }

    private PdfObject GetObject(PdfReference reference, IReadOnlyDictionary<int, int> offsets)
    {
        if (!offsets.TryGetValue(reference.Number, out var offset))
        {
            throw new UnsupportedPdfException("PDF 缺少对象 {0}。", reference.Number);
        }
        var (number, _, value) = new PdfParser(Data, offset).ReadIndirectObject();
        if (number != reference.Number)
        {
            throw new UnsupportedPdfException("PDF 交叉引用表与对象 {0} 的位置不符。", reference.Number);
        }
        return value;
    }

    private int LastStartXref()
    {
        var tail = Math.Max(0, Data.Length - 2048);
        var index = Data.AsSpan(tail).LastIndexOf("startxref"u8);
        if (index < 0)
        {
            throw new UnsupportedPdfException("PDF 文件末尾缺少 startxref。");
        }
        var parser = new PdfParser(Data, tail + index + "startxref".Length);
        return checked((int)parser.ExpectInteger());
    }

    // Just after the revision's %%EOF and its end-of-line (the file's length when the marker is missing).
    private int EndOfRevision(int xrefOffset)
    {
        var index = Data.AsSpan(xrefOffset).IndexOf("%%EOF"u8);
        if (index < 0)
        {
            return Data.Length;
        }
        var end = xrefOffset + index + 5;
        while (end < Data.Length && Data[end] is (byte)'\r' or (byte)'\n')
        {
            end++;
        }
        return end;
    }

    private PdfRevision ReadXrefSection(int offset)
    {
        if (offset < 0 || offset >= Data.Length)
        {
            throw new UnsupportedPdfException("PDF 的 startxref 指向文件之外。");
        }
        var parser = new PdfParser(Data, offset);
        if (!parser.PeekKeyword("xref"))
        {
            throw new UnsupportedPdfException(
                "PDF 使用交叉引用流（PDF 1.5 及以上的压缩结构），本系统只能为自己生成的 PDF 签章。");
        }
        parser.ExpectKeyword("xref");
        var offsets = new Dictionary<int, int>();
        while (!parser.PeekKeyword("trailer"))
        {
            var first = (int)parser.ExpectInteger();
            var count = (int)parser.ExpectInteger();
            for (var i = 0; i < count; i++)
            {
                var entryOffset = parser.ExpectInteger();
                parser.ExpectInteger();
                var kind = parser.ReadWordAfterWhitespace();
                if (kind == "n" && first + i != 0)
                {
                    offsets[first + i] = checked((int)entryOffset);
                }
                else if (kind != "f" && kind != "n")
                {
                    throw new UnsupportedPdfException("PDF 交叉引用表的条目无法识别。");
                }
            }
        }
        parser.ExpectKeyword("trailer");
        if (parser.ReadObject() is not PdfDictionary trailer)
        {
            throw new UnsupportedPdfException("PDF 文件尾字典无法识别。");
        }
        if (trailer["XRefStm"] is not null)
        {
            throw new UnsupportedPdfException("PDF 同时使用交叉引用表和交叉引用流，本系统只能为自己生成的 PDF 签章。");
        }
        return new PdfRevision(offset, EndOfRevision(offset), trailer, offsets);
    }
}
