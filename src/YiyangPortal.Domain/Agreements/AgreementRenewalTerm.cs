using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Agreements;

/// <summary>The default term of a renewal: as long as the old one, starting the day after it ends.</summary>
public static class AgreementRenewalTerm
{
    public static ValidityPeriod Following(ValidityPeriod term)
    {
        var end = term.To ?? throw new DomainException("原协议没有结束日期，无法续签。");
        if (end.Year > 2099)
        {
            throw new DomainException("原协议的有效期超出可办理的范围，无法续签；请新建协议。");
        }

        var start = end.AddDays(1);

        // Terms are usually whole months or years (2025-01-01 至 2025-12-31): keep them whole across leap years.
        for (var months = 1; months <= 120; months++)
        {
            if (term.From.AddMonths(months).AddDays(-1) == end)
            {
                return new ValidityPeriod(start, start.AddMonths(months).AddDays(-1));
            }
        }

        return new ValidityPeriod(start, start.AddDays(end.DayNumber - term.From.DayNumber));
    }
}
