namespace YiyangPortal.Domain.Agreements;

/// <summary>The steps a party can take on an agreement; the pages show a step only when the aggregate permits it.</summary>
public enum AgreementAction
{
    /// <summary>修改条款与服务项目 (甲方, 草稿 or 退回修改).</summary>
    Edit,

    /// <summary>提交审核 (甲方).</summary>
    Submit,

    /// <summary>逐项审核: 同意, 不同意, 提出修改建议 (乙方, 待医疗机构审核).</summary>
    ReviewItems,

    /// <summary>审核通过 (乙方).</summary>
    Accept,

    /// <summary>退回修改: 乙方 during review, either party before both have signed.</summary>
    ReturnForRevision,

    /// <summary>签署, once per party and text.</summary>
    Sign,

    ProposeTermination,

    ConfirmTermination,

    DeclineTermination,

    WithdrawTermination,

    /// <summary>续签 (甲方, 已生效 or 已到期).</summary>
    Renew,

    /// <summary>补充协议 (甲方, an original in force).</summary>
    Supplement,

    /// <summary>登记服务记录 and its corrections (乙方, an agreement that came into force; issue 15).</summary>
    RecordService,

    /// <summary>确认 or 有异议 on a service record (甲方, the same agreements).</summary>
    ConfirmService,

    /// <summary>登记付款 of a 年度健康服务费 instalment (甲方, an agreement with that fee that came into force).</summary>
    RecordPayment,

    /// <summary>确认收款 or 有异议 on a payment (乙方, the same agreements).</summary>
    ConfirmPayment,
}

/// <summary>
/// What each party may do now, read off the status machine and the same rules the steps enforce (issue 13 point 3):
/// the pages ask <see cref="May"/> instead of re-deriving it from the status. A step whose content is refused (an
/// item left undecided, a text that changed) still gets its own message from the step itself.
/// </summary>
public sealed partial class Agreement
{
    private static readonly AgreementAction[] AllActions = Enum.GetValues<AgreementAction>();

    public bool May(AgreementParty party, AgreementAction action) => Enum.IsDefined(party) && action switch
    {
        AgreementAction.Edit => party == AgreementParty.ElderCare && Machine.CanFire(Trigger.Edit),
        AgreementAction.Submit => party == AgreementParty.ElderCare && Machine.CanFire(Trigger.Submit),
        AgreementAction.ReviewItems => party == AgreementParty.Medical && Machine.CanFire(Trigger.Review),
        AgreementAction.Accept => party == AgreementParty.Medical && Machine.CanFire(Trigger.Accept),
        AgreementAction.ReturnForRevision => Machine.CanFire(Trigger.ReturnForRevision)
            && (party == AgreementParty.Medical || Status != AgreementStatus.PendingMedicalReview),
        AgreementAction.Sign => Machine.CanFire(Trigger.Sign) && !HasSigned(party),
        AgreementAction.ProposeTermination => MayProposeTermination(party),
        AgreementAction.ConfirmTermination => MayConfirmTermination(party),
        AgreementAction.DeclineTermination => MayDeclineTermination(party),
        AgreementAction.WithdrawTermination => MayWithdrawTermination(party),
        AgreementAction.Renew => party == AgreementParty.ElderCare && Status is AgreementStatus.Effective or AgreementStatus.Expired,
        AgreementAction.Supplement => party == AgreementParty.ElderCare && Status == AgreementStatus.Effective && !IsSupplement,
        AgreementAction.RecordService => MayRecordServices(party),
        AgreementAction.ConfirmService => MayConfirmServices(party),
        AgreementAction.RecordPayment => MayRecordPayments(party),
        AgreementAction.ConfirmPayment => MayConfirmPayments(party),
        _ => false,
    };

    /// <summary>Every step <paramref name="party"/> may take now.</summary>
    public IReadOnlySet<AgreementAction> PermittedActions(AgreementParty party) =>
        AllActions.Where(action => May(party, action)).ToHashSet();
}
