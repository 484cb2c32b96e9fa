namespace YiyangPortal.Domain.Agreements;

/// <summary>
/// Whose turn it is: what the agreement waits for from each party, read off the status machine, the signatures and
/// the open proposals. One rule for the homes' to-do lists and the agreement page's 下一步 (issue 10).
/// </summary>
public sealed partial class Agreement
{
    /// <summary>
    /// From this many days before the term's last day an effective agreement shows as ending soon, so 甲方 has time
    /// to renew in writing or to stop (2020 guide 六(二); issue 10: "agreements ending within 60 days").
    /// </summary>
    public const int EndingSoonDays = 60;

    private static readonly AgreementParty[] BothParties = [AgreementParty.ElderCare, AgreementParty.Medical];

    private static readonly Dictionary<AgreementParty, AgreementStatus[]> AwaitingStatuses = BothParties.ToDictionary(
        party => party,
        party => Enum.GetValues<AgreementStatus>().Where(s => new Agreement { Status = s }.StepOf(party) is not null).ToArray());

    /// <summary>Whether the medical side proposed a change that 甲方 has not yet answered.</summary>
    public bool HasOpenProposals => _items.Exists(i => i.HasOpenProposal);

    /// <summary>Whether <paramref name="party"/> has signed the current text (a return for revision withdraws it).</summary>
    public bool HasSigned(AgreementParty party) => CurrentSignatures.Exists(s => s.Party == party);

    /// <summary>
    /// The statuses in which <paramref name="party"/> can be awaited at all: a query narrows by these in SQL, then
    /// asks <see cref="AwaitedTask"/> of the few agreements it loaded.
    /// </summary>
    public static IReadOnlyList<AgreementStatus> StatusesAwaiting(AgreementParty party) => AwaitingStatuses[party];

    /// <summary>What this agreement waits for from <paramref name="party"/> now, or null when it need not act.</summary>
    public AgreementTask? AwaitedTask(AgreementParty party) =>
        StepOf(party) is { } step && !(step == AgreementTask.Sign && HasSigned(party)) ? step : null;

    public bool IsAwaiting(AgreementParty party) => AwaitedTask(party) is not null;

    /// <summary>The parties that must act now, 甲方 first; empty once signed by both or ended.</summary>
    public IReadOnlyList<AgreementParty> AwaitedParties() => Array.FindAll(BothParties, IsAwaiting);

    /// <summary>
    /// In force with a term whose last day is at most <paramref name="days"/> days after <paramref name="todayInBeijing"/>
    /// (a term already over but not yet swept to 已到期 included).
    /// </summary>
    public bool IsEndingWithin(DateOnly todayInBeijing, int days = EndingSoonDays) =>
        Status == AgreementStatus.Effective && Terms.Term?.To is { } end && end <= todayInBeijing.AddDays(days);

    /// <summary>The step the status asks of <paramref name="party"/>, before looking at who has signed.</summary>
    private AgreementTask? StepOf(AgreementParty party)
    {
        if (party == AgreementParty.ElderCare && Machine.CanFire(Trigger.Edit))
        {
            return HasOpenProposals ? AgreementTask.AnswerProposals : AgreementTask.CompleteDraft;
        }

        if (party == AgreementParty.Medical && Machine.CanFire(Trigger.Review))
        {
            return AgreementTask.Review;
        }

        return Machine.CanFire(Trigger.Sign) ? AgreementTask.Sign : null;
    }
}
