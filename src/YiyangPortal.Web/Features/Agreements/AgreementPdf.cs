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
        Agreement a, ElderCareInstitution elderCare, MedicalInstitution medical, string verificationUrl, bool draft)
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
            ServiceItems = a.IncludedItems.Select(i => new ServiceItemRow(
                CatalogueLabels.Of(i.Category), i.Name, CatalogueLabels.Frequency(i.Frequency, i.Unit), CatalogueLabels.PriceUnit(i.Unit),
                i.UnitPrice?.Yuan, CatalogueLabels.Of(i.Funding))).ToList(),
            Fees = new FeeSummary(
                [
                    new FeeLine("服务项目年度估算", a.YearlyItemsEstimate.Yuan),
                    new FeeLine("年度健康服务费", t.AnnualHealthServiceFee?.Yuan),
                ],
                a.YearlyTotalEstimate.Yuan),
            ElderCareSignature = Signature(a, Domain.Agreements.AgreementParty.ElderCare),
            MedicalSignature = Signature(a, Domain.Agreements.AgreementParty.Medical),
        };
    }

    private static PartySignature? Signature(Agreement a, Domain.Agreements.AgreementParty party) =>
        a.Signatures.FirstOrDefault(s => s.Party == party) is { } s ? new PartySignature(s.SignerName, s.SignerTitle, s.SignedAtUtc) : null;
}
