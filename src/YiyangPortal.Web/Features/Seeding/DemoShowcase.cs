using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Filings;
using static YiyangPortal.Web.Features.Seeding.DemoData;

namespace YiyangPortal.Web.Features.Seeding;

/// <summary>
/// The agreements the demo accounts find on a first run: those of 越城区福乐养老院 (staff@) in every state of both
/// templates, most with 塔山街道社区卫生服务中心 (clinic@) so either side has something to do, and filings in every
/// state for the 越城区 bureaus (minzheng@, weijian@). Wenzhou's few institutions get a handful too.
/// </summary>
internal static class DemoShowcase
{
    private const string Tashan = ShowcaseClinic;
    private const string Hospital = "越城区人民医院";
    private const string Tcm = "绍兴市中医院";
    private const string Pingshui = "柯桥区平水镇卫生院";
    private const AgreementTemplate Consortium = AgreementTemplate.MedicalElderCareConsortium;
    private const AgreementTemplate Project = AgreementTemplate.ProjectCooperation;

    public static readonly AgreementSeed[] Shaoxing =
    [
        // 附件1 养医联合体服务协议
        new(ShowcaseHome, Tashan, Consortium, AgreementStatus.Draft, 1),
        new(ShowcaseHome, Tashan, Consortium, AgreementStatus.PendingMedicalReview, 2),
        new(ShowcaseHome, Tashan, Consortium, AgreementStatus.ReturnedForRevision, 3),
        new(ShowcaseHome, Hospital, Consortium, AgreementStatus.PendingSignature, 4),
        new(ShowcaseHome, Tashan, Consortium, AgreementStatus.PartiallySigned, 1),
        new(ShowcaseHome, Tashan, Consortium, AgreementStatus.Effective, 5)
        {
            CivilAffairs = FilingPlan.Pending,
            Health = FilingPlan.Submitted,
        },
        new(ShowcaseHome, Hospital, Consortium, AgreementStatus.Terminated, 200)
        {
            TerminatedDaysAgo = 20,
            CivilAffairs = FilingPlan.Accepted,
            Health = FilingPlan.Accepted with { Corrected = true },
        },
        new(ShowcaseHome, Tcm, Consortium, AgreementStatus.Expired, 372)
        {
            TermEndedDaysAgo = 12,
            CivilAffairs = FilingPlan.Accepted with { SubmittedAfterDays = 6 },
            Health = FilingPlan.Accepted with { SubmittedAfterDays = 9 },
        },

        // 附件2 医养结合项目服务合作协议
        new(ShowcaseHome, Tashan, Project, AgreementStatus.Draft, 0),
        new(ShowcaseHome, Tashan, Project, AgreementStatus.PendingMedicalReview, 1),
        new(ShowcaseHome, Tashan, Project, AgreementStatus.ReturnedForRevision, 2),
        new(ShowcaseHome, Tashan, Project, AgreementStatus.PendingSignature, 3),
        new(ShowcaseHome, Tashan, Project, AgreementStatus.PartiallySigned, 2) { ElderCareSignsFirst = true },
        new(ShowcaseHome, Hospital, Project, AgreementStatus.Effective, 60)
        {
            CivilAffairs = FilingPlan.Accepted,
            // 需补正 with its correction deadline a week ahead (issue 11 point 10).
            Health = FilingPlan.Returned with { SubmittedAfterDays = 4, CorrectionDays = 60 },
        },

        // Signed 40 days ago with a partner in 柯桥区, filed with 越城区民政局 (逾期) and 柯桥区卫生健康局 (已报送).
        new(ShowcaseHome, Pingshui, Project, AgreementStatus.Effective, 40)
        {
            HealthBureauOfPartnerCounty = true,
            CivilAffairs = FilingPlan.Pending,
            Health = FilingPlan.Submitted with { SubmittedAfterDays = 12 },
        },
        new(ShowcaseHome, Tashan, Project, AgreementStatus.Terminated, 150)
        {
            TerminatedDaysAgo = 10,
            CivilAffairs = FilingPlan.Accepted with { SubmittedAfterDays = 35 },
            Health = FilingPlan.Accepted,
        },
        new(ShowcaseHome, Tashan, Project, AgreementStatus.Expired, 380)
        {
            CivilAffairs = FilingPlan.Accepted,
            Health = FilingPlan.Accepted,
        },
    ];

    /// <summary>温州市 has no regulator accounts: its filings wait for the parties or for the bureau.</summary>
    public static readonly AgreementSeed[] Wenzhou =
    [
        new("鹿城区颐康养老院", "永中街道社区卫生服务中心", Consortium, AgreementStatus.Effective, 20)
        {
            CivilAffairs = FilingPlan.Submitted with { SubmittedAfterDays = 3 },
        },
        new("鹿城区颐康养老院", "鹿城区中医院", Project, AgreementStatus.PendingMedicalReview, 1),
        new("永中街道居家养老服务中心", "永中街道社区卫生服务中心", Project, AgreementStatus.Effective, 50)
        {
            Health = FilingPlan.Submitted with { SubmittedAfterDays = 8 },
        },
    ];
}
