namespace YiyangPortal.Domain.Agreements;

/// <summary>履约 (issue 15): the days on which an agreement that came into force can have services delivered.</summary>
public sealed partial class Agreement
{
    /// <summary>Whether the agreement came into force at some time (已生效, then 已到期 or 已终止).</summary>
    public bool CameIntoForce => Status is AgreementStatus.Effective or AgreementStatus.Expired or AgreementStatus.Terminated;

    /// <summary>
    /// The first and last day services under this agreement can fall on: the term, cut at the day before a termination
    /// took or is set to take effect. Null before it came into force, without a term, and for a 补充协议 (its services are recorded on
    /// the original, whose term it shares).
    /// </summary>
    public (DateOnly From, DateOnly To)? ServiceDays()
    {
        if (!CameIntoForce || IsSupplement || Terms.Term is not { } term)
        {
            return null;
        }

        var to = term.To ?? term.From.AddYears(AgreementTerms.MaxTermYears);
        // A termination confirmed, or a notice running, for a day to come ends the services too: nothing is owed after it.
        if ((TerminatedOn ?? PendingTermination?.TakesEffectOn) is { } ended && ended.AddDays(-1) < to)
        {
            to = ended.AddDays(-1);
        }

        return to < term.From ? null : (term.From, to);
    }

    /// <summary>
    /// In force on <paramref name="day"/>: 已生效 and its term begun (a 补充协议 shares its original's term, so only an
    /// original counts). The partners of the 六个一 and the homes a clinic may record a training for (绍市民〔2024〕6号 二).
    /// </summary>
    public bool IsInForceOn(DateOnly day) => Status == AgreementStatus.Effective && !IsSupplement && !(Terms.Term?.From > day);

    /// <summary>
    /// Has a 履约 record of its own: an original that came into force with a term (<see cref="ServiceDays"/>). Its
    /// parties record and confirm services on it; the regulators who see it read it (ADR 047).
    /// </summary>
    public bool HasFulfilment => ServiceDays() is not null;

    private bool MayRecordServices(AgreementParty party) => party == AgreementParty.Medical && HasFulfilment;

    private bool MayConfirmServices(AgreementParty party) => party == AgreementParty.ElderCare && HasFulfilment;
}
