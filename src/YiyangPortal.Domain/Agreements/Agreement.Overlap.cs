using System.Globalization;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Agreements;

/// <summary>
/// ADR 052: two agreements of the same 甲方 and 乙方 are never in force on the same day (补充协议 are part of their
/// original and do not count). A 续签 continues the day after the original's term ends (2020 guide 六(二): 期满后……续签);
/// a term typed over another agreement's is refused at the term field, and signing checks again.
/// </summary>
public sealed partial class Agreement
{
    /// <summary>
    /// The days this agreement is or was in force: its term while 已生效 or 已到期 (a 附件2 before signing has none); up to
    /// the day before its termination date once 已终止; none before it is signed or for a supplement.
    /// </summary>
    public ValidityPeriod? InForcePeriod => IsSupplement || Terms.Term is not { } term ? null : Status switch
    {
        AgreementStatus.Effective or AgreementStatus.Expired => term,
        AgreementStatus.Terminated when TerminatedOn is { } on => on <= term.From ? null : term.EndBefore(on),
        _ => null,
    };

    /// <summary>
    /// Why <paramref name="term"/> cannot be this agreement's term beside the other agreements of the same pair
    /// (<paramref name="samePair"/>; this one and other pairs' are ignored), at the term field; or null.
    /// </summary>
    public FieldError? TermOverlap(ValidityPeriod? term, IEnumerable<Agreement> samePair)
    {
        if (IsSupplement || term is not { } wanted)
        {
            return null;
        }

        var clash = samePair
            .Where(o => o.Id != Id && o.ElderCareInstitutionId == ElderCareInstitutionId && o.MedicalInstitutionId == MedicalInstitutionId)
            .Select(o => (Agreement: o, Period: o.InForcePeriod))
            .Where(o => o.Period is { } p && p.Overlaps(wanted))
            .OrderBy(o => o.Period!.Value.From)
            .FirstOrDefault();
        if (clash.Agreement is null)
        {
            return null;
        }

        var period = clash.Period!.Value;
        return period.To is { } end && end >= wanted.From
            ? new FieldError("Term", new DomainMessage(
                "有效期与同一双方的协议 {0}（有效期 {1}）重叠：同一双方同一天只能有一份协议生效。请将有效期从 {2} 起算。",
                clash.Agreement.DocumentNumber, period.ToString(), end.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            : new FieldError("Term", new DomainMessage(
                "有效期与同一双方的协议 {0}（有效期 {1}）重叠：同一双方同一天只能有一份协议生效。",
                clash.Agreement.DocumentNumber, period.ToString()));
    }

    /// <summary>
    /// The term a 附件2 agreement takes when signed on <paramref name="day"/> (附件2 三、3: 自签字之日起生效，有效期一年), except
    /// that a 续签 signed while its original is in force starts the day after the original ends.
    /// </summary>
    private ValidityPeriod SignedProjectTerm(DateOnly day, IEnumerable<Agreement> samePair)
    {
        var from = RenewalOfId is { } original && samePair.FirstOrDefault(a => a.Id == original)?.InForcePeriod?.To is { } end && end >= day
            ? end.AddDays(1)
            : day;
        return new ValidityPeriod(from, CivilCodePeriod.EndOfYears(from, 1));
    }
}
