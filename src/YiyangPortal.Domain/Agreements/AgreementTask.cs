namespace YiyangPortal.Domain.Agreements;

/// <summary>
/// What an agreement waits for from one party now (<see cref="Agreement.AwaitedTask"/>): the to-do of each role's
/// home page and the 下一步 of the agreement page (issue 10).
/// </summary>
public enum AgreementTask
{
    /// <summary>甲方 finishes the draft (草稿, or 退回修改 with nothing left to answer) and submits it.</summary>
    CompleteDraft = 1,

    /// <summary>甲方 answers the medical side's proposed changes (附件1: a change needs both parties' consent).</summary>
    AnswerProposals = 2,

    /// <summary>乙方 reviews the service items (待医疗机构审核).</summary>
    Review = 3,

    /// <summary>The party's representative signs (待签署, or 部分签署 when the other side has signed).</summary>
    Sign = 4,
}
