using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Web.Features.Fulfilment;

namespace YiyangPortal.Web.Features.Seeding;

/// <summary>
/// 签到表 demo data (issue 15, ADR 039): the showcase clinic's newest pending record of each agreement in force gets
/// a one-page PDF sign-in sheet through <see cref="FulfilmentWorkflow.AttachSheetAsync"/>. An agreement that has a
/// sheet is left as it is, so a second run adds nothing.
/// </summary>
internal static class DemoSignInSheets
{
    public static async Task EnsureAsync(SeedingScope scope, DemoData.Lookup lookup, CancellationToken cancellationToken)
    {
        if (!lookup.Medical.TryGetValue(DemoData.ShowcaseClinic, out var clinicId))
        {
            return;
        }

        var db = scope.Db;
        var medicalUserId = await db.Users.Where(u => u.MedicalInstitutionId == clinicId)
            .OrderBy(u => u.CreatedAt).ThenBy(u => u.Email).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
        if (medicalUserId is not { } userId)
        {
            return;
        }

        var agreements = await db.Agreements.Include(a => a.Items).Include(a => a.SignatureHistory)
            .Where(a => a.MedicalInstitutionId == clinicId && a.Status == AgreementStatus.Effective
                        && !db.ServiceRecordAttachments.Any(s => s.AgreementId == a.Id))
            .ToListAsync(cancellationToken);
        var workflow = scope.Services.GetRequiredService<FulfilmentWorkflow>();
        foreach (var agreement in agreements)
        {
            var record = await db.ServiceRecords.AsNoTracking()
                .Where(r => r.AgreementId == agreement.Id && r.Status == ServiceRecordStatus.Pending)
                .OrderByDescending(r => r.ServiceDate).FirstOrDefaultAsync(cancellationToken);
            if (record is not null)
            {
                await workflow.AttachSheetAsync(
                    agreement, record.Id, "签到表.pdf", Sheet(), AgreementActor.Medical(userId, scope.Clock.Latest), cancellationToken);
            }
        }
    }

    /// <summary>A minimal one-page PDF (blank A4) standing in for a scan.</summary>
    private static byte[] Sheet()
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
