using System.Globalization;

namespace YiyangPortal.Domain.Agreements;

/// <summary>Describes which template blanks changed between two versions of the terms, in Chinese, for the history.</summary>
public static class AgreementTermsChanges
{
    private static readonly (string Label, Func<AgreementTerms, object?> Value)[] Fields =
    [
        ("医疗服务站点", t => t.ClinicSite?.ToChinese()),
        ("每月坐诊次数", t => t.ClinicSessionsPerMonth),
        ("坐诊医师人数", t => t.ClinicDoctorCount),
        ("每月查房次数", t => t.WardRoundsPerMonth),
        ("查房医师人数", t => t.WardRoundDoctorCount),
        ("正高会诊费", t => t.SeniorConsultationFee),
        ("副高会诊费", t => t.AssociateSeniorConsultationFee),
        ("中级会诊费", t => t.IntermediateConsultationFee),
        ("医疗费用支付方式", t => t.MedicalCostPayment?.ToChinese()),
        ("年度健康服务费", t => t.AnnualHealthServiceFee),
        ("公示年度健康服务费", t => t.PublishAnnualHealthServiceFee ? "同意" : "不同意"),
        ("有效期", t => t.Term),
        ("附加条款·争议解决", t => t.IncludeDisputeResolution ? "列入" : "不列入"),
        ("附加条款·保密条款", t => t.IncludeConfidentiality ? "列入" : "不列入"),
        ("甲方地址", t => t.ElderCareAddress),
        ("乙方地址", t => t.MedicalAddress),
        ("民政局", t => t.CivilAffairsBureauName),
        ("卫生健康委（局）", t => t.HealthBureauName),
        ("甲方代表人", t => t.ElderCareRepresentative),
        ("乙方代表人", t => t.MedicalRepresentative),
    ];

    /// <summary>"年度健康服务费：12,000.00；有效期：…" for the changed blanks only, before and after.</summary>
    public static (string Before, string After) Describe(AgreementTerms before, AgreementTerms after)
    {
        var changed = Fields.Where(f => !Equals(f.Value(before), f.Value(after))).ToList();
        return (Join(changed, before), Join(changed, after));
    }

    /// <summary>Each changed blank with its value before and after, in the order of the template.</summary>
    public static IEnumerable<(string Label, string Before, string After)> Differences(AgreementTerms before, AgreementTerms after) =>
        Fields.Where(f => !Equals(f.Value(before), f.Value(after)))
            .Select(f => (f.Label, Format(f.Value(before)), Format(f.Value(after))));

    private static string Join(List<(string Label, Func<AgreementTerms, object?> Value)> fields, AgreementTerms terms) =>
        string.Join("；", fields.Select(f => $"{f.Label}：{Format(f.Value(terms))}"));

    private static string Format(object? value) =>
        value is null ? "（空）" : Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
}
