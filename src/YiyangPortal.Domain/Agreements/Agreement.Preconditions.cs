using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Institutions;

namespace YiyangPortal.Domain.Agreements;

/// <summary>
/// What the elder-care side should have for what is drafted (ADR 026). The guide words these as 可 — the clinic
/// 可 offer 双向转诊, 远程医疗 and 继续医学教育 to the home's 内设医疗卫生机构 — so they are warnings, never refusals, and
/// they come as <see cref="Eligibility"/> warnings, the one way the domain says "allowed, but look".
/// </summary>
public sealed partial class Agreement
{
    /// <summary>Warnings about the drafted items and clause 一 against the home's register entry; never refusals.</summary>
    public Eligibility AssessElderCareSide(ElderCareInstitution home)
    {
        if (home.Id != ElderCareInstitutionId)
        {
            throw new ArgumentException("Not this agreement's elder-care institution.", nameof(home));
        }

        var warnings = IncludedItems
            .Select(i => ElderCarePreconditions.Warning(i.Category, i.Clause, i.Name, home))
            .OfType<DomainMessage>()
            .ToList();
        if (Template == AgreementTemplate.MedicalElderCareConsortium && Terms.ClinicSite == ClinicSite.InternalMedicalInstitution
            && !home.HasInternalMedicalInstitution)
        {
            // 附件1 一: 甲方内设医疗机构或乙方延伸设置医务室的. The register may lag behind a new 内设医疗机构, so only a warning.
            warnings.Add(new DomainMessage("条款一的医疗服务站点选择了“甲方内设医疗机构”，但甲方登记为无内设医疗机构；如由乙方延伸设置医务室，请改选，或先更新机构登记信息。"));
        }

        return warnings.Count == 0 ? Eligibility.Allowed : new Eligibility([], warnings);
    }
}

/// <summary>Items that presuppose the home's 内设医疗卫生机构 (2020 guide 三(十), (十二), (十四)).</summary>
public static class ElderCarePreconditions
{
    /// <summary>The warning for an item of this kind at a home without a 内设医疗机构, or null.</summary>
    public static DomainMessage? Warning(ServiceCategory category, TemplateClause? clause, string name, ElderCareInstitution home)
    {
        if (home.HasInternalMedicalInstitution)
        {
            return null;
        }

        var source = (category, clause) switch
        {
            // 三(十): 对于内部设置医疗卫生机构的养老机构，签约医疗卫生机构可……建立双向转诊机制.
            (ServiceCategory.TwoWayReferral, _) => "2020指南 三（十）",

            // 三(十二): 可定期组织签约养老机构内设医疗卫生机构的医务人员参加继续医学教育.
            (_, TemplateClause.ContinuingMedicalEducation) => "2020指南 三（十二）",

            // 三(十四): 可开展面向养老机构内设医疗卫生机构的远程医疗服务.
            (ServiceCategory.Telemedicine, _) => "2020指南 三（十四）",
            _ => null,
        };
        return source is null
            ? null
            : new DomainMessage("“{0}”面向养老机构内设医疗卫生机构（{1}），甲方登记为无内设医疗机构。", name, source);
    }
}
