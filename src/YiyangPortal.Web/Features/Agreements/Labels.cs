using YiyangPortal.Domain.Agreements;

namespace YiyangPortal.Web.Features.Agreements;

/// <summary>Chinese names of the agreement enumerations (also the localization keys).</summary>
public static class AgreementLabels
{
    public static string Of(AgreementTemplate template) => template switch
    {
        AgreementTemplate.MedicalElderCareConsortium => "养医联合体服务协议",
        AgreementTemplate.ProjectCooperation => "医养结合项目服务合作协议",
        _ => template.ToString(),
    };

    /// <summary>The domain's names (also the localization keys).</summary>
    public static string Of(AgreementStatus status) => status.ToChinese();

    public static string Badge(AgreementStatus status, bool signedNotYetInForce = false) => status switch
    {
        AgreementStatus.Effective when signedNotYetInForce => "text-bg-info",
        AgreementStatus.Effective => "text-bg-success",
        AgreementStatus.PendingMedicalReview or AgreementStatus.PendingSignature or AgreementStatus.PartiallySigned => "text-bg-warning",
        AgreementStatus.ReturnedForRevision => "text-bg-danger",
        _ => "text-bg-secondary",
    };

    /// <summary>The domain's names (also the localization keys).</summary>
    public static string Of(ItemReviewState state) => state.ToChinese();

    public static string Of(MedicalCostPayment payment) => payment.ToChinese();

    public static string Of(AgreementEventKind kind) => kind switch
    {
        AgreementEventKind.Created => "创建草稿",
        AgreementEventKind.TermsEdited => "修改协议内容",
        AgreementEventKind.ItemAdded => "添加服务项目",
        AgreementEventKind.ItemEdited => "修改服务项目",
        AgreementEventKind.ItemRemoved => "移除服务项目",
        AgreementEventKind.Submitted => "提交审核",
        AgreementEventKind.ItemApproved => "同意服务项目",
        AgreementEventKind.ItemRejected => "不同意服务项目",
        AgreementEventKind.ItemChangeProposed => "建议修改服务项目",
        AgreementEventKind.ProposalAccepted => "接受修改建议",
        AgreementEventKind.Accepted => "审核通过",
        AgreementEventKind.ReturnedForRevision => "退回修改",
        AgreementEventKind.Signed => "签署",
        AgreementEventKind.BecameEffective => "生效",
        AgreementEventKind.Terminated => "终止",
        AgreementEventKind.Expired => "到期",
        AgreementEventKind.TerminationProposed => "提出终止",
        AgreementEventKind.TerminationConfirmed => "确认终止",
        AgreementEventKind.TerminationDeclined => "不同意终止",
        AgreementEventKind.TerminationWithdrawn => "撤回终止",
        _ => kind.ToString(),
    };
}
