using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Web.Features.Seeding;

/// <summary>
/// Completes the demo institutions with plausible registration data: credit codes with a correct GB 32100 check
/// character built from the county's division code, 备案/许可证 numbers, representatives and phone numbers.
/// </summary>
internal static class DemoInstitutions
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "朱", "胡", "沈", "金", "钱"];
    private static readonly string[] GivenNames = ["建国", "秀英", "志强", "丽华", "海燕", "国平", "晓东", "美玲", "伟民", "素芬", "立新", "雅琴", "建华"];

    public static ElderCareInstitutionDetails ElderCare(
        DemoData.TenantSeed tenant, DemoData.ElderCareSeed seed, County county, int ordinal) => new(
        county.Id,
        seed.Name,
        seed.Kind,
        $"{county.DivisionCode}YL{2020 + (ordinal % 5)}{ordinal:000}",
        // 52: 民政 registration authority, 民办非企业单位 — the usual form of a private 养老机构.
        UnifiedSocialCreditCode.Complete($"52{county.DivisionCode}MJ{ordinal:0000000}"),
        seed.Beds,
        seed.Residents,
        seed.HasInternalMedical,
        Contact(tenant, seed.Address, ordinal));

    public static MedicalInstitutionDetails Medical(
        DemoData.TenantSeed tenant, DemoData.MedicalSeed seed, County county, int ordinal) => new(
        county.Id,
        seed.Name,
        seed.Kind,
        seed.Grade,
        $"PDY{ordinal:00000}{county.DivisionCode}A1{ordinal:000}",
        // 12: 机关/事业单位 — public hospitals and health centres.
        UnifiedSocialCreditCode.Complete($"12{county.DivisionCode}4{ordinal:00000000}"),
        seed.Tcm,
        seed.Insurance,
        Contact(tenant, seed.Address, ordinal + 50));

    private static InstitutionContact Contact(DemoData.TenantSeed tenant, string address, int ordinal) => new(
        address,
        Person(ordinal),
        Person(ordinal + 3),
        $"{tenant.PhoneAreaCode}-88{ordinal:000000}");

    /// <summary>A plausible name for the <paramref name="n"/>th person (17 surnames × 13 given names).</summary>
    public static string Person(int n) => Surnames[n % Surnames.Length] + GivenNames[n % GivenNames.Length];
}
