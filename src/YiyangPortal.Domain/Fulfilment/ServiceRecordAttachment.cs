using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Documents;
using YiyangPortal.Domain.Filings;

namespace YiyangPortal.Domain.Fulfilment;

/// <summary>
/// 签到表扫描件: the sign-in sheet of one service record, added by the medical institution while the record waits for
/// the elder-care institution's answer, so the home confirms having seen it. One per record; a side table keyed by
/// the record (ADR 039), stored like a filing's scanned copy (<see cref="FilingAttachment"/>): the bytes in the
/// database, the content type sniffed from them (<see cref="ScannedCopyType"/>), never taken from the browser.
/// </summary>
public sealed class ServiceRecordAttachment : ITenantOwned
{
    /// <summary>5 MB: one or two scanned pages.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    private ServiceRecordAttachment()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
        Content = [];
    }

    private ServiceRecordAttachment(ServiceRecord record, string fileName, byte[] content, string contentType, AgreementActor by)
    {
        Id = Guid.CreateVersion7();
        TenantId = record.TenantId;
        ServiceRecordId = record.Id;
        ServiceDate = record.ServiceDate;
        AgreementId = record.AgreementId;
        ContentType = contentType;
        FileName = ScannedCopyType.SafeName(fileName, contentType, "签到表");
        Content = content;
        Sha256 = AgreementDocument.HashOf(content);
        UploadedAtUtc = by.AtUtc;
        UploadedByUserId = by.UserId;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>The record (with <see cref="ServiceDate"/>, its partition key) this sheet belongs to.</summary>
    public Guid ServiceRecordId { get; private set; }

    public DateOnly ServiceDate { get; private set; }

    public Guid AgreementId { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public string Sha256 { get; private set; }

    public byte[] Content { get; private set; }

    public DateTimeOffset UploadedAtUtc { get; private set; }

    public Guid UploadedByUserId { get; private set; }

    /// <summary>What is wrong with attaching <paramref name="content"/> to <paramref name="record"/>; null when it may be.</summary>
    /// <param name="hasOne">The record already has a sign-in sheet.</param>
    public static DomainMessage? Problem(Agreement agreement, ServiceRecord record, byte[] content, AgreementActor by, bool hasOne)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(content);
        if (record.AgreementId != agreement.Id || !agreement.May(by.Party, AgreementAction.RecordService))
        {
            return new DomainMessage("只有登记服务记录的医疗卫生机构可以上传签到表。");
        }

        if (record.Status != ServiceRecordStatus.Pending)
        {
            return new DomainMessage("该服务记录已{0}，不能再上传签到表。", new DomainMessage(record.Status.ToChinese()));
        }

        if (hasOne)
        {
            return new DomainMessage("该服务记录已有签到表。");
        }

        if (content.Length == 0)
        {
            return new DomainMessage("请选择签到表扫描件（PDF、JPG 或 PNG）。");
        }

        if (content.Length > MaxBytes)
        {
            return new DomainMessage("签到表扫描件不能超过 {0} MB。", MaxBytes / 1024 / 1024);
        }

        return ScannedCopyType.Sniff(content) is null ? new DomainMessage("签到表只能是 PDF、JPG 或 PNG 文件。") : null;
    }

    /// <summary>Attaches the sheet, refused with its <see cref="Problem"/>.</summary>
    public static ServiceRecordAttachment Attach(
        Agreement agreement, ServiceRecord record, string fileName, byte[] content, AgreementActor by, bool hasOne)
    {
        by.EnsureKnown();
        if (Problem(agreement, record, content, by, hasOne) is { } problem)
        {
            throw new DomainException(problem);
        }

        return new ServiceRecordAttachment(record, fileName, content, ScannedCopyType.Sniff(content)!, by);
    }
}
