using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Coverage;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Web.Features.Seeding;

/// <summary>
/// The demo deployment: two cities, their counties, the named demo institutions and accounts (README), the generated
/// rest of 绍兴市 (<see cref="DemoCity"/>) and the agreements to build (<see cref="DemoShowcase"/>, <see cref="DemoCity"/>).
/// </summary>
internal static class DemoData
{
    public sealed record CountySeed(string Code, string Name, CountyKind Kind);

    public sealed record ElderCareSeed(
        string County, string Name, ElderCareInstitutionKind Kind, string Address, int Beds, int Residents, bool HasInternalMedical);

    public sealed record MedicalSeed(
        string County, string Name, MedicalInstitutionKind Kind, HospitalGrade Grade, string Address, bool Tcm, bool Insurance);

    /// <summary>
    /// An agreement to build, by the names of its parties: <see cref="Target"/> reached <see cref="DaysAgo"/> days ago
    /// (for agreements in force: signed then).
    /// </summary>
    public sealed record AgreementSeed(string Home, string Partner, AgreementTemplate Template, AgreementStatus Target, int DaysAgo)
    {
        public FilingPlan CivilAffairs { get; init; } = FilingPlan.Pending;

        public FilingPlan Health { get; init; } = FilingPlan.Pending;

        /// <summary>Filed with the partner's county's 卫生健康局 instead of the home's.</summary>
        public bool HealthBureauOfPartnerCounty { get; init; }

        public bool ElderCareSignsFirst { get; init; }

        public int? TerminatedDaysAgo { get; init; }

        /// <summary>附件1 with an agreed term that ended this many days ago (its term started a year before).</summary>
        public int? TermEndedDaysAgo { get; init; }
    }

    /// <summary>An account; <see cref="Bind"/> picks what the role is bound to from the seeded names.</summary>
    public sealed record AccountSeed(string Email, string DisplayName, Func<Lookup, RoleAssignment> Bind);

    public sealed record Lookup(
        IReadOnlyDictionary<string, Guid> Counties,
        IReadOnlyDictionary<string, Guid> ElderCare,
        IReadOnlyDictionary<string, Guid> Medical);

    public sealed record TenantSeed(
        string Slug,
        string Name,
        string DivisionCode,
        string PhoneAreaCode,
        IReadOnlyList<CountySeed> Counties,
        IReadOnlyList<ElderCareSeed> ElderCare,
        IReadOnlyList<MedicalSeed> Medical,
        IReadOnlyList<AccountSeed> Accounts,
        IReadOnlyList<AgreementSeed> Agreements)
    {
        /// <summary>A medical institution's price level by name (1: the standard demo prices).</summary>
        public Func<string, decimal> PriceLevel { get; init; } = _ => 1m;

        /// <summary>The city's coverage targets, from its policy text (issue 11 point 7).</summary>
        public IReadOnlyList<(CoverageMeasure Measure, int Percent, DateOnly Deadline, string Source)> Targets { get; init; } = [];
    }

    public const string PlatformAdminEmail = "platform@yiyang.demo";

    /// <summary>The nursing home whose agreements show every state of both templates (<see cref="DemoShowcase"/>).</summary>
    public const string ShowcaseHome = "越城区福乐养老院";

    /// <summary>clinic@shaoxing.demo's community health centre, the showcase home's usual partner.</summary>
    public const string ShowcaseClinic = "塔山街道社区卫生服务中心";

    private const string WenzhouClinic = "永中街道社区卫生服务中心";

    private static readonly ElderCareSeed[] ShaoxingElderCare =
    [
        new("越城区", ShowcaseHome, ElderCareInstitutionKind.NursingHome, "绍兴市越城区解放北路 188 号", 120, 86, false),
        new("越城区", "塔山街道居家养老服务中心", ElderCareInstitutionKind.CommunityHomeCare, "绍兴市越城区塔山街道府山西路 12 号", 20, 0, false),
        new("柯桥区", "柯桥区康宁颐养院", ElderCareInstitutionKind.NursingHome, "绍兴市柯桥区柯桥街道笛扬路 66 号", 200, 152, true),
        new("上虞区", "百官街道日间照料中心", ElderCareInstitutionKind.DayCare, "绍兴市上虞区百官街道市民大道 9 号", 30, 18, false),
        new("诸暨市", "诸暨市暨阳敬老院", ElderCareInstitutionKind.NursingHome, "诸暨市暨阳街道东二路 35 号", 80, 42, false),
    ];

    private static readonly MedicalSeed[] ShaoxingMedical =
    [
        new("越城区", ShowcaseClinic, MedicalInstitutionKind.CommunityHealthCenter, HospitalGrade.Level1, "绍兴市越城区府山西路 20 号", true, true),
        new("柯桥区", "柯桥区平水镇卫生院", MedicalInstitutionKind.TownshipHealthCenter, HospitalGrade.Level1, "绍兴市柯桥区平水镇平水东路 8 号", false, true),
        new("越城区", "越城区人民医院", MedicalInstitutionKind.GeneralHospital, HospitalGrade.Level2, "绍兴市越城区人民中路 568 号", false, true),
        new("越城区", "绍兴市中医院", MedicalInstitutionKind.TcmHospital, HospitalGrade.Level3, "绍兴市越城区人民中路 641 号", true, true),
        new("上虞区", "上虞区康复医院", MedicalInstitutionKind.RehabilitationHospital, HospitalGrade.Level2, "绍兴市上虞区百官街道江扬路 3 号", false, true),
    ];

    private static readonly DemoCity.City Shaoxing = DemoCity.Generate(ShaoxingElderCare, ShaoxingMedical, ShowcaseHome);

    public static IReadOnlyList<TenantSeed> Tenants { get; } =
    [
        new(
            "shaoxing",
            "绍兴市",
            "330600",
            "0575",
            [
                new("330602", "越城区", CountyKind.District),
                new("330603", "柯桥区", CountyKind.District),
                new("330604", "上虞区", CountyKind.District),
                new("330681", "诸暨市", CountyKind.CountyLevelCity),
                new("330683", "嵊州市", CountyKind.CountyLevelCity),
                new("330624", "新昌县", CountyKind.County),
            ],
            [.. ShaoxingElderCare, .. Shaoxing.ElderCare],
            [.. ShaoxingMedical, .. Shaoxing.Medical],
            [
                new("admin@shaoxing.demo", "绍兴市管理员 孙静", _ => RoleAssignment.TenantAdmin()),
                new("staff@shaoxing.demo", "王丽（福乐养老院）", l => RoleAssignment.ElderCareStaff(l.ElderCare[ShowcaseHome])),
                new("clinic@shaoxing.demo", "陈明（塔山社区卫生服务中心）", l => RoleAssignment.MedicalAdmin(l.Medical[ShowcaseClinic])),
                new("minzheng@shaoxing.demo", "越城区民政局 李强", l => RoleAssignment.CountyRegulator(Bureau.CivilAffairs, l.Counties["越城区"])),
                new("weijian@shaoxing.demo", "越城区卫生健康局 张华", l => RoleAssignment.CountyRegulator(Bureau.Health, l.Counties["越城区"])),
                new("city@shaoxing.demo", "绍兴市民政局 赵敏", _ => RoleAssignment.CityRegulator(Bureau.CivilAffairs)),
            ],
            [.. DemoShowcase.Shaoxing, .. Shaoxing.Agreements])
        {
            PriceLevel = Shaoxing.PriceLevel,
            Targets = PolicyTargets.Shaoxing,
        },
        new(
            "wenzhou",
            "温州市",
            "330300",
            "0577",
            [
                new("330302", "鹿城区", CountyKind.District),
                new("330303", "龙湾区", CountyKind.District),
                new("330304", "瓯海区", CountyKind.District),
                new("330381", "瑞安市", CountyKind.CountyLevelCity),
            ],
            [
                new("鹿城区", "鹿城区颐康养老院", ElderCareInstitutionKind.NursingHome, "温州市鹿城区车站大道 100 号", 150, 96, false),
                new("龙湾区", "永中街道居家养老服务中心", ElderCareInstitutionKind.CommunityHomeCare, "温州市龙湾区永中街道永宁西路 5 号", 15, 0, false),
            ],
            [
                new("龙湾区", WenzhouClinic, MedicalInstitutionKind.CommunityHealthCenter, HospitalGrade.Level1, "温州市龙湾区永中街道永强大道 21 号", true, true),
                new("鹿城区", "鹿城区中医院", MedicalInstitutionKind.TcmHospital, HospitalGrade.Level2, "温州市鹿城区学院中路 77 号", true, true),
            ],
            [
                new("admin@wenzhou.demo", "温州市管理员 周杰", _ => RoleAssignment.TenantAdmin()),
                new("staff@wenzhou.demo", "林芳（颐康养老院）", l => RoleAssignment.ElderCareStaff(l.ElderCare["鹿城区颐康养老院"])),
                new("clinic@wenzhou.demo", "黄伟（永中社区卫生服务中心）", l => RoleAssignment.MedicalAdmin(l.Medical[WenzhouClinic])),
            ],
            DemoShowcase.Wenzhou)
        {
            Targets = PolicyTargets.Wenzhou,
        },
    ];
}
