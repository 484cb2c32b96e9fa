using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Identity;

namespace YiyangPortal.Domain.Fulfilment;

/// <summary>
/// 督查通知 (issue 15: "a county bureau can send a 督查 notice to a party and see its response"; Wenzhou's regular 督查,
/// the 2024 opinion's quality control): a county regulator of either bureau asks one party of an agreement in its
/// county to explain or put right its fulfilment by a date; a user of that party answers once, and the answer stands.
/// Neither text may hold a resident's identity (2020 guide 八), as for service records.
/// </summary>
public sealed class SupervisionNotice : ITenantOwned
{
    public const int MaxBodyLength = 1000;
    public const int MaxResponseLength = 2000;
    public const int MaxDaysToRespond = 60;

    private SupervisionNotice()
    {
        Body = string.Empty;
    }

    private SupervisionNotice(Agreement agreement, Guid countyId, Bureau bureau, Guid sentBy, AgreementParty addressee, string body, DateOnly respondBy, DateTimeOffset atUtc)
    {
        Id = Guid.CreateVersion7();
        TenantId = agreement.TenantId;
        AgreementId = agreement.Id;
        CountyId = countyId;
        Bureau = bureau;
        SentByUserId = sentBy;
        Addressee = addressee;
        Body = body.Trim();
        RespondBy = respondBy;
        SentAtUtc = atUtc;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid AgreementId { get; private set; }

    /// <summary>The county of the bureau that sent it.</summary>
    public Guid CountyId { get; private set; }

    public Bureau Bureau { get; private set; }

    public Guid SentByUserId { get; private set; }

    /// <summary>The party asked to answer: 甲方 (养老机构) or 乙方 (医疗卫生机构).</summary>
    public AgreementParty Addressee { get; private set; }

    public string Body { get; private set; }

    /// <summary>The last day (Beijing) to answer.</summary>
    public DateOnly RespondBy { get; private set; }

    public DateTimeOffset SentAtUtc { get; private set; }

    public string? Response { get; private set; }

    public Guid? AnsweredByUserId { get; private set; }

    public DateTimeOffset? AnsweredAtUtc { get; private set; }

    public bool IsAnswered => AnsweredAtUtc is not null;

    /// <summary>逾期未答复: not answered and the last day is past.</summary>
    public bool IsOverdue(DateOnly today) => !IsAnswered && today > RespondBy;

    /// <summary>
    /// Who may send one (Wenzhou's 督查): a county bureau — a regulator with a county and a bureau (民政局 or 卫生健康局) —
    /// about an agreement that came into force. Which agreements the regulator may read at all is the access rule's
    /// (AgreementAccess); this is what the reader may do with it.
    /// </summary>
    public static bool MaySend(Agreement agreement, PortalRole role, Guid? countyId, Bureau? bureau)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return role == PortalRole.Regulator && countyId is not null && bureau is not null && agreement.CameIntoForce;
    }

    /// <summary>What is wrong with a notice's values, keyed by form field; empty when it can be sent.</summary>
    public static IReadOnlyList<FieldError> Problems(Agreement agreement, AgreementParty? addressee, string? body, DateOnly? respondBy, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var errors = new List<FieldError>();
        if (!agreement.CameIntoForce)
        {
            errors.Add(new FieldError(string.Empty, "只能对已生效（或已到期、已终止）的协议发出督查通知。"));
        }

        if (addressee is not { } party || !Enum.IsDefined(party))
        {
            errors.Add(new FieldError(nameof(Addressee), "请选择督查对象（甲方或乙方）。"));
        }

        errors.AddRange(TextProblems(nameof(Body), body, MaxBodyLength, "请填写督查事项。"));
        if (respondBy is not { } day)
        {
            errors.Add(new FieldError(nameof(RespondBy), "请填写答复期限（如 2026-12-31）。"));
        }
        else if (day <= today || day > today.AddDays(MaxDaysToRespond))
        {
            errors.Add(new FieldError(nameof(RespondBy), new DomainMessage("答复期限应在明天至 {0} 天之内。", MaxDaysToRespond)));
        }

        return errors;
    }

    /// <summary>Sends a notice; refused with the first of its <see cref="Problems"/>.</summary>
    public static SupervisionNotice Send(
        Agreement agreement, Guid countyId, Bureau bureau, Guid sentBy, AgreementParty? addressee, string? body, DateOnly? respondBy,
        DateOnly today, DateTimeOffset atUtc)
    {
        if (Problems(agreement, addressee, body, respondBy, today) is [var first, ..])
        {
            throw new DomainException(first.Text);
        }

        return new SupervisionNotice(agreement, countyId, bureau, sentBy, addressee!.Value, body!, respondBy!.Value, atUtc);
    }

    /// <summary>What is wrong with an answer by <paramref name="party"/>; empty when it can be taken.</summary>
    public IReadOnlyList<FieldError> AnswerProblems(AgreementParty party, string? response)
    {
        if (party != Addressee)
        {
            return [new FieldError(string.Empty, "该督查通知不是发给本机构的。")];
        }

        if (IsAnswered)
        {
            return [new FieldError(string.Empty, "该督查通知已经答复，答复不能修改。")];
        }

        return TextProblems(nameof(Response), response, MaxResponseLength, "请填写答复内容。").ToList();
    }

    /// <summary>答复, once, by a user of the addressed party.</summary>
    public void Answer(AgreementParty party, Guid userId, string? response, DateTimeOffset atUtc)
    {
        if (AnswerProblems(party, response) is [var first, ..])
        {
            throw new DomainException(first.Text);
        }

        Response = response!.Trim();
        AnsweredByUserId = userId;
        AnsweredAtUtc = atUtc;
    }

    private static IEnumerable<FieldError> TextProblems(string field, string? text, int maxLength, string missing)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield return new FieldError(field, missing);
        }
        else if (text.Trim().Length > maxLength)
        {
            yield return new FieldError(field, new DomainMessage("内容不能超过 {0} 个字。", maxLength));
        }
        else if (PersonalDataScreen.Finding(text) is { } finding)
        {
            yield return new FieldError(field, new DomainMessage("内容中似乎有{0}：请不要填写老人的个人信息。", new DomainMessage(finding)));
        }
    }
}
