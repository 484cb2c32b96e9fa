using YiyangPortal.Documents;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Web.Features.Shared;
using Doc = YiyangPortal.Documents;

namespace YiyangPortal.Web.Features.Agreements;

/// <summary>Maps an agreement onto the PDF model of <see cref="AgreementPdfRenderer"/> (src/YiyangPortal.Documents).</summary>
public static class AgreementPdf
{
    public static AgreementDocumentModel Model(
        Agreement a, ElderCareInstitution elderCare, MedicalInstitution medical, string verificationUrl, bool draft,
        SupplementDocument? supplement = null)
    {
        var t = a.Terms;
        return new AgreementDocumentModel
        {
            Template = a.Template == AgreementTemplate.MedicalElderCareConsortium
                ? AgreementTemplateKind.MedicalElderCareConsortium
                : AgreementTemplateKind.ProjectCooperation,
            DocumentNumber = a.DocumentNumber,
            IsDraft = draft,
            VerificationUrl = verificationUrl,
            ElderCareParty = new Doc.AgreementParty(elderCare.Name, t.ElderCareAddress ?? elderCare.Address, t.ElderCareRepresentative),
            MedicalParty = new Doc.AgreementParty(medical.Name, t.MedicalAddress ?? medical.Address, t.MedicalRepresentative),
            ClinicSite = t.ClinicSite switch
            {
                Domain.Agreements.ClinicSite.InternalMedicalInstitution => Doc.ClinicSite.InternalMedicalInstitution,
                Domain.Agreements.ClinicSite.ExtendedClinicRoom => Doc.ClinicSite.ExtendedClinicRoom,
                _ => null,
            },
            ClinicSessionsPerMonth = t.ClinicSessionsPerMonth,
            ClinicDoctorCount = t.ClinicDoctorCount,
            WardRoundsPerMonth = t.WardRoundsPerMonth,
            WardRoundDoctorCount = t.WardRoundDoctorCount,
            ConsultationFeeChief = t.SeniorConsultationFee?.Yuan,
            ConsultationFeeAssociateChief = t.AssociateSeniorConsultationFee?.Yuan,
            ConsultationFeeIntermediate = t.IntermediateConsultationFee?.Yuan,
            MedicalCostPayment = t.MedicalCostPayment switch
            {
                Domain.Agreements.MedicalCostPayment.ResidentPays => Doc.MedicalCostPayment.ResidentPays,
                Domain.Agreements.MedicalCostPayment.ElderCareGuarantees => Doc.MedicalCostPayment.ElderCareInstitutionGuarantees,
                Domain.Agreements.MedicalCostPayment.ElderCarePays => Doc.MedicalCostPayment.ElderCareInstitutionPays,
                _ => null,
            },
            AnnualHealthServiceFee = t.AnnualHealthServiceFee?.Yuan,
            CivilAffairsBureau = t.CivilAffairsBureauName,
            HealthBureau = t.HealthBureauName,
            ValidFrom = t.Term?.From,
            ValidTo = t.Term?.To,
            DisputeResolutionClause = t.IncludeDisputeResolution,
            ConfidentialityClause = t.IncludeConfidentiality,
            ServiceItems = a.IncludedItems.Select(i => new ServiceItemRow(
                CatalogueLabels.Of(i.Category), i.Name, CatalogueLabels.Frequency(i.Frequency, i.Unit), CatalogueLabels.PriceUnit(i.Unit),
                i.UnitPrice?.Yuan, CatalogueLabels.Of(i.Funding))).ToList(),
            Fees = Fees(a),
            Supplement = supplement,
            ElderCareSignature = Signature(a, Domain.Agreements.AgreementParty.ElderCare),
            MedicalSignature = Signature(a, Domain.Agreements.AgreementParty.Medical),
        };
    }

    /// <summary>
    /// The fee summary, one payer per line (issue 11 point 3). 附件1: 健康体检、医疗会诊、护理服务等费用在一次性支付服务费的
    /// 范围以外支付, so nothing is added across payers; 2020 guide 五(一), (三): 医保 items follow insurance rules and
    /// 基本公共卫生 is funded by the health bureau. 附件2 has no 年度健康服务费, so it has no such row.
    /// </summary>
    public static FeeSummary Fees(Agreement a)
    {
        var totals = a.FeeTotals;
        var lines = new List<FeeLine>();
        if (totals.AnnualHealthServiceFee is { } fee)
        {
            lines.Add(new FeeLine("年度健康服务费", fee.Yuan,
                $"甲方（养老机构）支付，分两次支付，上、下半年各一次（上半年 {Amounts.Yuan(a.Terms.FirstHalfInstalment)} 元，" +
                $"下半年 {Amounts.Yuan(a.Terms.SecondHalfInstalment)} 元）"));
        }

        lines.Add(new FeeLine("合作经费服务项目（年度估算）", totals.CooperationFeeItems.Yuan, "甲方（养老机构）支付"));
        lines.Add(new FeeLine("合作经费小计（甲方支付）", totals.ElderCareInstitutionPays.Yuan, "甲方（养老机构）每年支付的合作经费"));
        lines.Add(new FeeLine("自费服务项目（年度估算）", totals.SelfPaidItems.Yuan, "康养人员按实际发生自理，不在合作经费内"));
        lines.Add(new FeeLine("医保服务项目（年度估算）", totals.MedicalInsuranceItems.Yuan, "按医保政策结算，个人负担部分由康养人员自理"));
        // 绍市民〔2024〕6号 二.5: the yearly on-site check (60+) rides on the free basic public-health check; 附件1 pays
        // 健康体检 outside the annual fee, so where there is one the line says it is not part of it.
        var outsideFee = totals.AnnualHealthServiceFee is null ? string.Empty : "，不在年度健康服务费内";
        lines.Add(new FeeLine(
            $"基本公共卫生服务项目（{totals.BasicPublicHealthItemCount} 项）", 0m,
            $"符合条件的老年人免费，由卫生健康部门经费保障{outsideFee}（如60周岁及以上老年人每年1次上门健康体检）"));
        return new FeeSummary(lines);
    }

    private static PartySignature? Signature(Agreement a, Domain.Agreements.AgreementParty party) =>
        a.Signatures.FirstOrDefault(s => s.Party == party) is { } s ? new PartySignature(s.SignerName, s.SignerTitle, s.SignedAtUtc) : null;
}
