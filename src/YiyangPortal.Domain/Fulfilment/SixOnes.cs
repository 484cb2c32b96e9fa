using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Institutions;

namespace YiyangPortal.Domain.Fulfilment;

/// <summary>The six targets of 绍市民〔2024〕6号 二 (工作重点), in the plan's order.</summary>
public enum SixOne
{
    /// <summary>二.1 确定一家签约合作医疗卫生机构（至少含 1 家基层医疗卫生机构）.</summary>
    Partner = 1,

    /// <summary>二.2 申办一个养老机构内设医疗机构 (入住 50 人以上).</summary>
    InternalMedical = 2,

    /// <summary>二.3 开展一系列上门医疗卫生服务.</summary>
    OnSiteServices = 3,

    /// <summary>二.4 开通一条绿色医疗通道.</summary>
    GreenChannel = 4,

    /// <summary>二.5 提供一次上门健康体检服务.</summary>
    HealthCheck = 5,

    /// <summary>二.6 培训一支康养服务队伍.</summary>
    Training = 6,
}

public enum SixOneResult
{
    NotMet = 0,
    Met = 1,
    NotApplicable = 2,
}

/// <summary>An agreement of the home in force: its partner, the partner's level and whether it agrees a green channel.</summary>
public sealed record SixOnesPartner(Guid AgreementId, Guid MedicalInstitutionId, string MedicalName, bool PrimaryLevel, bool GreenChannelAgreed);

/// <summary>What the 六个一 are computed from, for one home on one day.</summary>
public sealed record SixOnesFacts(
    ElderCareInstitutionKind Kind,
    int Residents,
    InternalMedicalStatus InternalMedical,
    IReadOnlyList<SixOnesPartner> Partners,
    int ConfirmedServicesLast90Days,
    int GreenChannelUsesThisYear,
    HealthCheck? HealthCheckThisYear,
    int TrainingSessionsThisYear,
    int TrainingAttendeesThisYear);

/// <summary>One of the six: the result, its figures and, when not met, what to do.</summary>
public sealed record SixOneLine(SixOne Item, SixOneResult Result, DomainMessage Figures, DomainMessage? Fix);

/// <summary>
/// 六个一 progress (绍市民〔2024〕6号 二 1–6), computed from the data the portal holds; the one place the rules live
/// (ADR 036). The window for on-site services is the last 90 days; health check and training count per calendar year.
/// </summary>
public static class SixOnes
{
    /// <summary>二.2: 入住 50 人以上的养老机构.</summary>
    public const int InternalMedicalResidents = 50;

    /// <summary>二.3 asks for 定期 services; a home without a confirmed one in 90 days (a quarter) is not served regularly.</summary>
    public const int OnSiteWindowDays = 90;

    /// <summary>The first day of the on-site window ending <paramref name="today"/>.</summary>
    public static DateOnly OnSiteWindowStart(DateOnly today) => today.AddDays(1 - OnSiteWindowDays);

    public static IReadOnlyList<SixOneLine> Of(SixOnesFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return [Partner(facts), InternalMedical(facts), OnSite(facts), Green(facts), Check(facts), Training(facts)];
    }

    /// <summary>How many of the applicable items are met, and how many apply.</summary>
    public static (int Met, int Applicable) Score(IReadOnlyList<SixOneLine> lines) =>
        (lines.Count(l => l.Result == SixOneResult.Met), lines.Count(l => l.Result != SixOneResult.NotApplicable));

    private static SixOneLine Partner(SixOnesFacts f)
    {
        // 二.1 counts institutions (至少含 1 家基层医疗卫生机构): two agreements with one 卫生院 are one 家.
        var primary = f.Partners.Where(p => p.PrimaryLevel).Select(p => p.MedicalInstitutionId).Distinct().Count();
        var figures = new DomainMessage("有效协议 {0} 份，其中基层医疗卫生机构 {1} 家", f.Partners.Count, primary);
        return f.Partners.Count == 0
            ? new(SixOne.Partner, SixOneResult.NotMet, figures, new DomainMessage("尚无有效协议：请与就近的基层医疗卫生机构签订服务协议。"))
            : primary == 0
                ? new(SixOne.Partner, SixOneResult.NotMet, figures, new DomainMessage("签约机构中没有基层医疗卫生机构：请至少与 1 家基层医疗卫生机构（乡镇卫生院、社区卫生服务中心等）签约。"))
                : new(SixOne.Partner, SixOneResult.Met, figures, null);
    }

    private static SixOneLine InternalMedical(SixOnesFacts f)
    {
        var figures = new DomainMessage("在住 {0} 人，内设医疗机构：{1}", f.Residents, new DomainMessage(f.InternalMedical.ToChinese()));
        if (f.Kind != ElderCareInstitutionKind.NursingHome || f.Residents < InternalMedicalResidents)
        {
            return new(SixOne.InternalMedical, SixOneResult.NotApplicable, figures, null);
        }

        // “申办一个”: applying is what the clause asks (按“愿建尽建”原则 … 积极创造条件，申办内设医疗机构).
        return f.InternalMedical == InternalMedicalStatus.None
            ? new(SixOne.InternalMedical, SixOneResult.NotMet, figures, new DomainMessage("入住 50 人以上：请申办内设医疗机构，申办后在本页标记“申办中”。"))
            : new(SixOne.InternalMedical, SixOneResult.Met, figures, null);
    }

    private static SixOneLine OnSite(SixOnesFacts f)
    {
        var figures = new DomainMessage("近 {0} 天已确认的上门服务 {1} 次", OnSiteWindowDays, f.ConfirmedServicesLast90Days);
        return f.ConfirmedServicesLast90Days > 0
            ? new(SixOne.OnSiteServices, SixOneResult.Met, figures, null)
            : new(SixOne.OnSiteServices, SixOneResult.NotMet, figures, new DomainMessage(
                f.Partners.Count == 0 ? "签约后由医疗卫生机构登记上门服务，本机构确认。" : "近 90 天没有已确认的上门服务：请在协议的履约页确认医疗卫生机构登记的服务。"));
    }

    /// <summary>An agreement in force agrees a green channel (二.4; 附件1 五; 2020 guide 三(九)).</summary>
    public static bool GreenChannelAgreed(SixOnesFacts facts) => facts?.Partners.Any(p => p.GreenChannelAgreed) == true;

    private static SixOneLine Green(SixOnesFacts f)
    {
        var agreed = GreenChannelAgreed(f);
        var figures = new DomainMessage("{0}；今年使用 {1} 人次", new DomainMessage(agreed ? "已约定绿色通道" : "未约定绿色通道"), f.GreenChannelUsesThisYear);
        if (!agreed)
        {
            return new(SixOne.GreenChannel, SixOneResult.NotMet, figures, new DomainMessage("有效协议中没有绿色通道：签约或续签时选用附件1（条款五 开设就诊绿色通道）或加入“急诊急救绿色通道”服务项目。"));
        }

        return f.GreenChannelUsesThisYear > 0
            ? new(SixOne.GreenChannel, SixOneResult.Met, figures, null)
            : new(SixOne.GreenChannel, SixOneResult.NotMet, figures, new DomainMessage("今年尚未登记绿色通道的使用：老人经绿色通道就诊后请在本页登记（只记人数）。"));
    }

    private static SixOneLine Check(SixOnesFacts f)
    {
        if (f.HealthCheckThisYear is not { } c)
        {
            return new(SixOne.HealthCheck, SixOneResult.NotMet, new DomainMessage("今年尚未登记上门健康体检"),
                new DomainMessage("体检后请在本页登记已体检人数和应检人数（60 周岁及以上）。"));
        }

        var percent = c.Ratio is { } r ? Math.Round(r * 100, 1).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";
        var figures = new DomainMessage("已体检 {0} 人 / 应检 {1} 人（{2}）", c.ResidentsChecked, c.ResidentsDue, percent);

        // Met once the year's check took place: residents on 职工医保 checked elsewhere within the year are not checked
        // again (二.5 一年内不重复享受体检服务), so a ratio below 100% is shown, not failed.
        return c.ResidentsChecked > 0 || c.ResidentsDue == 0
            ? new(SixOne.HealthCheck, SixOneResult.Met, figures, null)
            : new(SixOne.HealthCheck, SixOneResult.NotMet, figures, new DomainMessage("已体检人数为 0：请安排签约医疗卫生机构上门体检。"));
    }

    private static SixOneLine Training(SixOnesFacts f)
    {
        var figures = new DomainMessage("今年培训 {0} 次，共 {1} 人次", f.TrainingSessionsThisYear, f.TrainingAttendeesThisYear);
        return f.TrainingSessionsThisYear > 0
            ? new(SixOne.Training, SixOneResult.Met, figures, null)
            : new(SixOne.Training, SixOneResult.NotMet, figures, new DomainMessage("今年尚未登记培训：培训后请在本页登记日期、主题和参加人数。"));
    }

    public static string ToChinese(this SixOne item) => item switch
    {
        SixOne.Partner => "确定一家签约合作医疗卫生机构",
        SixOne.InternalMedical => "申办一个养老机构内设医疗机构",
        SixOne.OnSiteServices => "开展一系列上门医疗卫生服务",
        SixOne.GreenChannel => "开通一条绿色医疗通道",
        SixOne.HealthCheck => "提供一次上门健康体检服务",
        _ => "培训一支康养服务队伍",
    };

    public static string ToChinese(this SixOneResult result) => result switch
    {
        SixOneResult.Met => "已达成",
        SixOneResult.NotApplicable => "不适用",
        _ => "未达成",
    };
}
