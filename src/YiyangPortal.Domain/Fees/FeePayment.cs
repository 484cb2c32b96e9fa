using System.Globalization;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fulfilment;

namespace YiyangPortal.Domain.Fees;

/// <summary>
/// 付款记录: one payment of a 年度健康服务费 instalment, recorded by the elder-care institution (甲方) and confirmed as
/// received, or disputed with a reason, by the medical institution (乙方). A confirmed payment is an entry of the
/// medical institution's 合作经费单列备查账 (2020 guide 五(五)) and never changes; a disputed one is replaced by a new
/// entry that names it (<see cref="CorrectsPaymentId"/>), as service records are (<see cref="ServiceRecord"/>).
/// No personal data: the reference is a transfer or receipt number (2020 guide 八).
/// </summary>
public sealed class FeePayment : ITenantOwned
{
    public const int MaxReferenceLength = 60;

    public const int MaxExplanationLength = 200;

    /// <summary>The field a problem with the chosen instalment is shown at.</summary>
    public const string InstalmentField = "Instalment";

    private FeePayment()
    {
    }

    private FeePayment(Agreement agreement, FeeInstalment instalment, PaymentEntry entry, AgreementActor by, FeePayment? corrects)
    {
        Id = Guid.CreateVersion7();
        TenantId = agreement.TenantId;
        AgreementId = agreement.Id;
        MedicalInstitutionId = agreement.MedicalInstitutionId;
        ElderCareInstitutionId = agreement.ElderCareInstitutionId;
        AgreementYear = instalment.Year;
        Half = instalment.Half;
        DueAmount = instalment.Amount;
        Amount = Money.FromYuan(entry.Amount!.Value);
        PaidOn = entry.PaidOn!.Value;
        Method = entry.Method!.Value;
        Reference = Clean(entry.Reference);
        Explanation = Clean(entry.Explanation);
        Status = FeePaymentStatus.Pending;
        RecordedAtUtc = by.AtUtc;
        RecordedByUserId = by.UserId;
        CorrectsPaymentId = corrects?.Id;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid AgreementId { get; private set; }

    /// <summary>乙方, whose 备查账 the payment enters once confirmed.</summary>
    public Guid MedicalInstitutionId { get; private set; }

    public Guid ElderCareInstitutionId { get; private set; }

    /// <summary>The agreement year (1 from the term's first day) and its half: the instalment paid.</summary>
    public int AgreementYear { get; private set; }

    public InstalmentHalf Half { get; private set; }

    /// <summary>What the terms asked for this instalment when it was paid.</summary>
    public Money DueAmount { get; private set; }

    public Money Amount { get; private set; }

    /// <summary>The Beijing day the money was paid.</summary>
    public DateOnly PaidOn { get; private set; }

    public PaymentMethod Method { get; private set; }

    /// <summary>转账流水号 or 收据号; never a person's name, ID or phone number.</summary>
    public string? Reference { get; private set; }

    /// <summary>Why the amount differs from <see cref="DueAmount"/>, required when it does.</summary>
    public string? Explanation { get; private set; }

    public FeePaymentStatus Status { get; private set; }

    public DateTimeOffset RecordedAtUtc { get; private set; }

    public Guid RecordedByUserId { get; private set; }

    public DateTimeOffset? AnsweredAtUtc { get; private set; }

    public Guid? AnsweredByUserId { get; private set; }

    public string? DisputeReason { get; private set; }

    /// <summary>The disputed payment this entry replaces.</summary>
    public Guid? CorrectsPaymentId { get; private set; }

    /// <summary>
    /// What is wrong with an entry, keyed by <see cref="PaymentEntry"/>'s field names (<see cref="InstalmentField"/> for
    /// the instalment); empty when it can be recorded. <paramref name="supplements"/>: the agreement's 补充协议, which may
    /// change the instalments (ADR 045); <paramref name="existing"/>: the agreement's payments.
    /// </summary>
    public static IReadOnlyList<FieldError> Problems(
        Agreement agreement, IReadOnlyCollection<Agreement> supplements, PaymentEntry entry, AgreementActor by, IReadOnlyCollection<FeePayment> existing)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(existing);
        var errors = new List<FieldError>();
        var instalments = FeeInstalments.Of(agreement, supplements);
        if (!agreement.May(by.Party, AgreementAction.RecordPayment) || instalments.Count == 0)
        {
            errors.Add(new FieldError(string.Empty, "只有约定了年度健康服务费的已生效协议的甲方（养老机构）可以登记付款。"));
            return errors;
        }

        var instalment = instalments.FirstOrDefault(i => i.Year == entry.AgreementYear && i.Half == entry.Half);
        if (instalment is null)
        {
            errors.Add(new FieldError(InstalmentField, "请选择本协议的付款期次。"));
        }
        else if (FeeInstalments.StandingFor(instalment, existing) is { Status: not FeePaymentStatus.Disputed } paid)
        {
            errors.Add(new FieldError(InstalmentField, new DomainMessage(
                "该期费用已于 {0} 登记付款（{1}），不能重复登记。", Day(paid.PaidOn), new DomainMessage(paid.Status.ToChinese()))));
        }

        DateProblem(agreement, entry.PaidOn, BeijingTime.DateOf(by.AtUtc), errors);
        AmountProblem(instalment?.AnnualFee ?? instalments.Max(i => i.AnnualFee), instalment, entry, errors);
        if (entry.Method is not { } method || !Enum.IsDefined(method))
        {
            errors.Add(new FieldError(nameof(PaymentEntry.Method), "请选择付款方式。"));
        }

        TextProblem(nameof(PaymentEntry.Reference), "付款凭证号", entry.Reference, MaxReferenceLength, errors);
        TextProblem(nameof(PaymentEntry.Explanation), "说明", entry.Explanation, MaxExplanationLength, errors);
        return errors;
    }

    /// <summary>
    /// Records a payment (甲方), refused with the first of its <see cref="Problems"/>. When the instalment's standing
    /// payment was disputed, the new entry replaces it.
    /// </summary>
    public static FeePayment Record(
        Agreement agreement, IReadOnlyCollection<Agreement> supplements, PaymentEntry entry, AgreementActor by, IReadOnlyCollection<FeePayment> existing)
    {
        by.EnsureKnown();
        if (Problems(agreement, supplements, entry, by, existing) is [var first, ..])
        {
            throw new DomainException(first.Text);
        }

        var instalment = FeeInstalments.Of(agreement, supplements).Single(i => i.Year == entry.AgreementYear && i.Half == entry.Half);
        return new FeePayment(agreement, instalment, entry, by, FeeInstalments.StandingFor(instalment, existing));
    }

    /// <summary>确认收款 (乙方): the payment enters the 备查账 and never changes again.</summary>
    public void Confirm(Agreement agreement, AgreementActor by)
    {
        EnsureAnswerable(agreement, by);
        Status = FeePaymentStatus.Confirmed;
        AnsweredAtUtc = by.AtUtc;
        AnsweredByUserId = by.UserId;
    }

    /// <summary>有异议 (乙方), with the reason the elder-care institution reads before it records the payment again.</summary>
    public void Dispute(Agreement agreement, AgreementActor by, string reason)
    {
        EnsureAnswerable(agreement, by);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("请填写异议理由。");
        }

        if (reason.Trim().Length > Agreement.MaxReasonLength)
        {
            throw new DomainException("异议理由不能超过 {0} 个字。", Agreement.MaxReasonLength);
        }

        Status = FeePaymentStatus.Disputed;
        DisputeReason = reason.Trim();
        AnsweredAtUtc = by.AtUtc;
        AnsweredByUserId = by.UserId;
    }

    private void EnsureAnswerable(Agreement agreement, AgreementActor by)
    {
        by.EnsureKnown();
        if (agreement.Id != AgreementId || !agreement.May(by.Party, AgreementAction.ConfirmPayment))
        {
            throw new DomainException("只有该协议的乙方（医疗卫生机构）可以确认收款。");
        }

        if (Status != FeePaymentStatus.Pending)
        {
            throw new DomainException("该付款记录已{0}，不能再更改。", new DomainMessage(Status.ToChinese()));
        }
    }

    private static void DateProblem(Agreement agreement, DateOnly? paidOn, DateOnly today, List<FieldError> errors)
    {
        const string field = nameof(PaymentEntry.PaidOn);
        var effective = agreement.EffectiveAtUtc is { } at ? BeijingTime.DateOf(at) : (DateOnly?)null;
        if (paidOn is not { } day)
        {
            errors.Add(new FieldError(field, "请填写付款日期。"));
        }
        else if (day > today)
        {
            errors.Add(new FieldError(field, "付款日期不能晚于今天；请在付款后登记。"));
        }
        else if (effective is { } from && day < from)
        {
            errors.Add(new FieldError(field, new DomainMessage("付款日期不能早于协议生效日（{0}）。", Day(from))));
        }
    }

    // annual: the 年度健康服务费 of the version that sets the instalment (ADR 045).
    private static void AmountProblem(Money annual, FeeInstalment? instalment, PaymentEntry entry, List<FieldError> errors)
    {
        const string field = nameof(PaymentEntry.Amount);
        if (entry.Amount is not { } amount)
        {
            errors.Add(new FieldError(field, "请填写付款金额。"));
        }
        else if (amount <= 0)
        {
            errors.Add(new FieldError(field, "付款金额应大于 0。"));
        }
        else if (decimal.Round(amount, 2) != amount)
        {
            errors.Add(new FieldError(field, "金额最多保留两位小数（精确到分）。"));
        }
        else if (amount > annual.Yuan)
        {
            // A half-year instalment larger than the whole year's fee is a typing error.
            errors.Add(new FieldError(field, new DomainMessage("付款金额不能超过年度健康服务费 {0} 元，请核对。", annual.ToString())));
        }
        else if (instalment is not null && amount != instalment.Amount.Yuan && string.IsNullOrWhiteSpace(entry.Explanation))
        {
            errors.Add(new FieldError(nameof(PaymentEntry.Explanation), new DomainMessage(
                "付款金额与本期应付 {0} 元不一致，请说明原因。", instalment.Amount.ToString())));
        }
    }

    private static void TextProblem(string field, string label, string? text, int max, List<FieldError> errors)
    {
        if (text?.Trim().Length > max)
        {
            errors.Add(new FieldError(field, new DomainMessage("{0}不能超过 {1} 个字。", new DomainMessage(label), max)));
        }
        else if (PersonalDataScreen.Finding(text) is { } found)
        {
            // 2020 guide 八: payments between institutions carry no person's identity.
            errors.Add(new FieldError(field, new DomainMessage(
                "{0}中似乎有{1}。付款记录不记录个人的身份证号码或电话，请删除后再保存。", new DomainMessage(label), new DomainMessage(found))));
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
