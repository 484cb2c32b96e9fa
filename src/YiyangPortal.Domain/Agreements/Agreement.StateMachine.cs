using Stateless;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Agreements;

/// <summary>The status machine: the one place that says which action is legal in which status.</summary>
public sealed partial class Agreement
{
    private StateMachine<AgreementStatus, Trigger>? _machine;

    private enum Trigger
    {
        Edit,
        Submit,
        Review,
        Accept,
        ReturnForRevision,
        Sign,
        Terminate,
        Expire,
    }

    /// <summary>Rebuilt on demand over <see cref="Status"/>, so EF can load the status without running any code.</summary>
    private StateMachine<AgreementStatus, Trigger> Machine => _machine ??= BuildMachine();

    /// <summary>Whether the elder-care side may edit terms and items now (草稿 or 退回修改).</summary>
    public bool IsEditable => Machine.CanFire(Trigger.Edit);

    /// <summary>After both signatures nothing about the content may change (附件1: changes need both parties' consent).</summary>
    public bool IsImmutable => Status is AgreementStatus.Effective or AgreementStatus.Expired or AgreementStatus.Terminated;

    private static string TriggerLabel(Trigger trigger) => trigger switch
    {
        Trigger.Edit => "修改协议内容",
        Trigger.Submit => "提交审核",
        Trigger.Review => "审核服务项目",
        Trigger.Accept => "审核通过",
        Trigger.ReturnForRevision => "退回修改",
        Trigger.Sign => "签署",
        Trigger.Terminate => "终止协议",
        Trigger.Expire => "标记为已到期",
        _ => "执行该操作",
    };

    private StateMachine<AgreementStatus, Trigger> BuildMachine()
    {
        var machine = DomainStateMachine.Create<AgreementStatus, Trigger>(
            () => Status, s => Status = s, AgreementStatusLabels.ToChinese, TriggerLabel);

        foreach (var drafting in new[] { AgreementStatus.Draft, AgreementStatus.ReturnedForRevision })
        {
            machine.Configure(drafting)
                .InternalTransition(Trigger.Edit, _ => { })
                .Permit(Trigger.Submit, AgreementStatus.PendingMedicalReview);
        }

        machine.Configure(AgreementStatus.PendingMedicalReview)
            .InternalTransition(Trigger.Review, _ => { })
            .Permit(Trigger.Accept, AgreementStatus.PendingSignature)
            .Permit(Trigger.ReturnForRevision, AgreementStatus.ReturnedForRevision);

        machine.Configure(AgreementStatus.PendingSignature)
            .Permit(Trigger.Sign, AgreementStatus.PartiallySigned)
            .Permit(Trigger.ReturnForRevision, AgreementStatus.ReturnedForRevision);

        machine.Configure(AgreementStatus.PartiallySigned)
            .Permit(Trigger.Sign, AgreementStatus.Effective)
            .Permit(Trigger.ReturnForRevision, AgreementStatus.ReturnedForRevision);

        machine.Configure(AgreementStatus.Effective)
            .Permit(Trigger.Terminate, AgreementStatus.Terminated)
            .Permit(Trigger.Expire, AgreementStatus.Expired);

        return machine;
    }
}
