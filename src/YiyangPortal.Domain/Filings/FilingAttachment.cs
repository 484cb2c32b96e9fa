using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Documents;

namespace YiyangPortal.Domain.Filings;

/// <summary>
/// A scanned, stamped copy that a party adds to its filing (the signed PDF is attached by reference). Content type
/// comes from the bytes, never from the browser, so a file can only ever be served as what it really is.
/// </summary>
public sealed class FilingAttachment : ITenantOwned
{
    /// <summary>10 MB: a few stamped pages scanned at 300 dpi.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    private FilingAttachment()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
        Content = [];
    }

    public FilingAttachment(Guid tenantId, Guid filingId, string fileName, byte[] content, AgreementActor by)
    {
        by.EnsureKnown();
        ContentType = ScannedCopyType.Sniff(content) ?? throw new DomainException("扫描件只能是 PDF、JPG 或 PNG 文件。");
        if (content.Length > MaxBytes)
        {
            throw new DomainException("扫描件不能超过 10 MB。");
        }

        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        FilingId = filingId;
        FileName = ScannedCopyType.SafeName(fileName, ContentType, "扫描件");
        Content = content;
        Sha256 = AgreementDocument.HashOf(content);
        UploadedAtUtc = by.AtUtc;
        UploadedByUserId = by.UserId;
        Party = by.Party;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid FilingId { get; private set; }

    /// <summary>A display name reduced to letters, digits and a few marks, with the extension of the sniffed type.</summary>
    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public string Sha256 { get; private set; }

    public byte[] Content { get; private set; }

    public DateTimeOffset UploadedAtUtc { get; private set; }

    public Guid UploadedByUserId { get; private set; }

    public AgreementParty Party { get; private set; }
}

/// <summary>The file types accepted as scanned copies, told apart by their first bytes (magic numbers).</summary>
public static class ScannedCopyType
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    public static string? Sniff(ReadOnlySpan<byte> content) =>
        content.StartsWith("%PDF-"u8) ? Pdf
        : content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? Jpeg
        : content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? Png
        : null;

    /// <summary>A display name reduced to letters, digits and a few marks, with the extension of the sniffed type.</summary>
    public static string SafeName(string? fileName, string contentType, string fallback)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName ?? string.Empty);
        var kept = new string(stem.Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ' or '（' or '）').Take(60).ToArray()).Trim();
        return (kept.Length == 0 ? fallback : kept) + Extension(contentType);
    }

    public static string Extension(string contentType) => contentType switch
    {
        Pdf => ".pdf",
        Jpeg => ".jpg",
        Png => ".png",
        _ => ".bin",
    };
}
