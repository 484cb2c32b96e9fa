using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Documents;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Infrastructure.Filings;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Infrastructure.Seeding;

/// <summary>
/// Builds an effective agreement through the domain's own workflow (draft, item, submit, approve, accept, two
/// signatures on one document), stores its PDFs and adds its filings — what the agreement UI does, for demo data
/// and tests until that UI exists. Adds to <paramref name="db"/>; the caller saves.
/// </summary>
public static class EffectiveAgreements
{
    public static async Task<(Agreement Agreement, IReadOnlyList<Filing> Filings)> AddAsync(
        PortalDbContext db, ElderCareInstitution elderCare, MedicalInstitution medical, string documentNumber,
        DateTimeOffset signedAtUtc, Guid elderCareUserId, Guid medicalUserId, CancellationToken cancellationToken = default)
    {
        var item = await db.ServiceItems.AsNoTracking()
            .Where(i => i.IsActive && i.Category == ServiceCategory.DiagnosisAndTreatment)
            .OrderBy(i => i.SortOrder).FirstAsync(cancellationToken);
        var county = await db.Counties.AsNoTracking().Where(c => c.Id == elderCare.CountyId).SingleAsync(cancellationToken);
        var draftedAt = signedAtUtc.AddDays(-3);
        var elder = AgreementActor.ElderCare(elderCareUserId, draftedAt);
        var medic = AgreementActor.Medical(medicalUserId, draftedAt.AddDays(1));

        var agreement = Agreement.Draft(
            elderCare.TenantId, elderCare.Id, medical.Id, AgreementTemplate.ProjectCooperation, documentNumber,
            AgreementTerms.Prefilled(AgreementTemplate.ProjectCooperation, county, elderCare, medical), elder);
        agreement.AddItem(elder, new ServiceItemSnapshot(
            item.Id, null, item.Category, item.Name, ServiceUnit.TimesPerMonth, Funding.CooperationFee, Money.FromYuan(200m)), 2);
        agreement.Submit(elder);
        agreement.ApproveItem(medic, agreement.Items[0].Id);
        agreement.Accept(medic);

        var forSignature = new AgreementDocument(
            agreement.TenantId, agreement.Id, AgreementDocumentKind.ForSignature, MinimalPdf.WithText($"Agreement {documentNumber} for signature"), draftedAt);
        agreement.Sign(AgreementActor.Medical(medicalUserId, signedAtUtc.AddMinutes(-30)), "李主任", "法定代表人", "203.0.113.7", forSignature.Sha256);
        agreement.Sign(AgreementActor.ElderCare(elderCareUserId, signedAtUtc), "王院长", "法定代表人", "203.0.113.8", forSignature.Sha256);
        var executed = new AgreementDocument(
            agreement.TenantId, agreement.Id, AgreementDocumentKind.Executed, MinimalPdf.WithText($"Agreement {documentNumber} executed"), signedAtUtc);

        db.Agreements.Add(agreement);
        db.AgreementDocuments.AddRange(forSignature, executed);
        var filings = await new FilingCreator(db).AddFilingsForAsync(agreement, elderCare, medical, cancellationToken);
        return (agreement, filings);
    }
}
