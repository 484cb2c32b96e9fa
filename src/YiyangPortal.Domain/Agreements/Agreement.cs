using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Agreements;

/// <summary>
/// 签约协议 between an elder-care institution (甲方) and a medical institution (乙方). The aggregate owns the
/// workflow: drafting by 甲方, item review by 乙方, signing by both, then immutable while 已生效. Every change goes
/// through a method that checks the acting side and the status (see docs/decisions/010).
/// </summary>
public sealed partial class Agreement : ITenantOwned
{
    private readonly List<AgreementItem> _items = [];
    private readonly List<AgreementSignature> _signatures = [];
    private readonly List<AgreementEvent> _events = [];

    private Agreement()
    {
        DocumentNumber = string.Empty;
        Terms = new AgreementTerms();
    }

    private Agreement(
        Guid tenantId, Guid elderCareInstitutionId, Guid medicalInstitutionId, AgreementTemplate template,
        string documentNumber, AgreementTerms terms, AgreementActor createdBy)
    {
        RequireParty(createdBy, AgreementParty.ElderCare, "起草协议");
        Id = Guid.CreateVersion7();
        TenantId = RequireId(tenantId, "租户");
        ElderCareInstitutionId = RequireId(elderCareInstitutionId, "甲方（养老机构）");
        MedicalInstitutionId = RequireId(medicalInstitutionId, "乙方（医疗卫生机构）");
        Template = Enum.IsDefined(template) ? template : throw new DomainException("请选择协议模板。");
        DocumentNumber = RequireDocumentNumber(documentNumber);
        Terms = terms;
        Status = AgreementStatus.Draft;
        CreatedAtUtc = createdBy.AtUtc;
        CreatedByUserId = createdBy.UserId;
        Record(createdBy, AgreementEventKind.Created, null, null, DocumentNumber, null);
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>甲方.</summary>
    public Guid ElderCareInstitutionId { get; private set; }

    /// <summary>乙方.</summary>
    public Guid MedicalInstitutionId { get; private set; }

    public AgreementTemplate Template { get; private set; }

    public AgreementStatus Status { get; private set; }

    /// <summary>协议编号, assigned by the caller's numbering scheme at creation.</summary>
    public string DocumentNumber { get; private set; }

    public AgreementTerms Terms { get; private set; }

    /// <summary>0 before the first submission; each submission starts the next review round.</summary>
    public int ReviewRound { get; private set; }

    public DateTimeOffset CreatedAtUtc { get; private set; }

    public Guid CreatedByUserId { get; private set; }

    public DateTimeOffset? SubmittedAtUtc { get; private set; }

    /// <summary>The reason given with the latest return for revision.</summary>
    public string? ReturnReason { get; private set; }

    /// <summary>When the second signature was made; filings fall due one month after its Beijing date.</summary>
    public DateTimeOffset? EffectiveAtUtc { get; private set; }

    public DateOnly? TerminatedOn { get; private set; }

    public AgreementParty? TerminatedBy { get; private set; }

    public string? TerminationReason { get; private set; }

    /// <summary>续签: the agreement this one renews.</summary>
    public Guid? RenewalOfId { get; private set; }

    /// <summary>补充协议: the effective agreement this one supplements.</summary>
    public Guid? SupplementToId { get; private set; }

    public IReadOnlyList<AgreementItem> Items => _items;

    /// <summary>
    /// The signatures in force: those made since the latest return for revision (a return withdraws the signatures
    /// made before it). Signatures are never deleted — <see cref="SignatureHistory"/> keeps every one — so the
    /// signature table is append-only like the history.
    /// </summary>
    public IReadOnlyList<AgreementSignature> Signatures => CurrentSignatures;

    /// <summary>Every signature ever made, withdrawn ones included, in the order made.</summary>
    public IReadOnlyList<AgreementSignature> SignatureHistory => _signatures;

    /// <summary>The review history of every round, oldest first.</summary>
    public IReadOnlyList<AgreementEvent> Events => _events.OrderBy(e => e.Sequence).ToList();

    public bool IsSupplement => SupplementToId is not null;

    /// <summary>Signed by both, but the agreed term has not started on <paramref name="today"/> (Beijing).</summary>
    public bool IsSignedNotYetInForce(DateOnly today) => Status == AgreementStatus.Effective && Terms.Term?.From > today;

    /// <summary>The status as shown on <paramref name="today"/>: 已签署·待生效 before the term starts.</summary>
    public string StatusLabel(DateOnly today) => Status.ToChinese(Terms.Term?.From, today);

    /// <summary>Items that are part of the agreement: all but those the medical side rejected.</summary>
    public IEnumerable<AgreementItem> IncludedItems => _items.Where(i => i.ReviewState != ItemReviewState.Rejected);

    /// <summary>
    /// Estimated 元 a year for the included priced items. Consultation fees (per actual visit, paid by the
    /// resident, 附件1 三) and the annual health-service fee (附件1) are not part of it.
    /// </summary>
    public Money YearlyItemsEstimate =>
        IncludedItems.Select(i => i.YearlyEstimate).OfType<Money>().Aggregate(Money.Zero, (sum, m) => sum + m);

    /// <summary>
    /// The yearly cost per payer (合作经费 by the home, 自费 by residents, 医保, 基本公共卫生 free); never one sum across
    /// payers (附件1: 健康体检、医疗会诊、护理服务等费用在一次性支付服务费的范围以外支付).
    /// </summary>
    public FeeTotalsByPayer FeeTotals => FeeTotalsByPayer.Of(Template, Terms, IncludedItems);

    /// <summary>Starts a new agreement as 草稿. Only the elder-care side drafts (DOMAIN: 甲方 drafts).</summary>
    public static Agreement Draft(
        Guid tenantId, Guid elderCareInstitutionId, Guid medicalInstitutionId, AgreementTemplate template,
        string documentNumber, AgreementTerms terms, AgreementActor createdBy) =>
        new(tenantId, elderCareInstitutionId, medicalInstitutionId, template, documentNumber, terms, createdBy);

    public AgreementItem Item(Guid itemId) =>
        _items.Find(i => i.Id == itemId) ?? throw new DomainException("协议中没有该服务项目。");

    private static Guid RequireId(Guid id, string what) =>
        id == Guid.Empty ? throw new DomainException("请选择{0}。", what) : id;

    private static string RequireDocumentNumber(string documentNumber)
    {
        var trimmed = documentNumber?.Trim() ?? string.Empty;
        return trimmed.Length is > 0 and <= 64 ? trimmed : throw new DomainException("协议编号不能为空且不超过 64 个字符。");
    }

    /// <summary>The longest reason kept with a review, return or termination (the column holds 500).</summary>
    public const int MaxReasonLength = 500;

    private static string RequireReason(string reason, string what)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("请填写{0}的理由。", what);
        }

        var trimmed = reason.Trim();
        return trimmed.Length <= MaxReasonLength
            ? trimmed
            : throw new DomainException("{0}的理由不能超过 {1} 个字。", what, MaxReasonLength);
    }

    private static void RequireParty(AgreementActor actor, AgreementParty entitled, string action)
    {
        if (actor.Party != entitled)
        {
            throw new DomainException("只有{0}可以{1}。", new DomainMessage(entitled.ToChinese()), action);
        }
    }

    private void Record(
        AgreementActor actor, AgreementEventKind kind, Guid? itemId, string? before, string? after, string? reason) =>
        _events.Add(new AgreementEvent(NextSequence, ReviewRound, actor.AtUtc, actor.UserId, actor.Party, kind, itemId, before, after, reason));

    /// <summary>How many times the agreement was returned for revision: the signing attempt a new signature belongs to.</summary>
    private int ReturnCount => _events.Count(e => e.Kind == AgreementEventKind.ReturnedForRevision);

    private List<AgreementSignature> CurrentSignatures => _signatures.Where(s => s.Attempt == ReturnCount).ToList();

    private int NextSequence => _events.Count == 0 ? 1 : _events.Max(e => e.Sequence) + 1;
}
