using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Institutions;

public sealed record ImportPage(string Kind, string Title, IReadOnlyList<string> Headers, IReadOnlyList<ImportError> Errors, string? FileName);

/// <summary>
/// Bulk onboarding (a county has hundreds of institutions): XLSX or CSV in, all rows validated, all or nothing.
/// Export writes the same columns.
/// </summary>
[Authorize(Policy = PortalPolicies.TenantAdmin)]
[Route("admin/institutions/{kind:regex(^(eldercare|medical)$)}")]
public sealed class InstitutionImportController(
    PortalDbContext db, IValidator<ElderCareForm> elderCareValidator, IValidator<MedicalForm> medicalValidator, TimeProvider clock) : PortalController
{
    private const string View_ = "~/Features/Institutions/Import.cshtml";
    private static readonly ElderCareSheet ElderCareColumns = new();
    private static readonly MedicalSheet MedicalColumns = new();

    [HttpGet("import")]
    public IActionResult Import(string kind) => View(View_, Page(kind, [], null));

    [HttpPost("import")]
    [RequestSizeLimit(2 * TabularFile.MaxBytes)] // a somewhat larger file still gets the import page's own message
    [RequestFormLimits(MultipartBodyLengthLimit = 2 * TabularFile.MaxBytes)]
    public async Task<IActionResult> Upload(string kind, IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            return View(View_, Page(kind, [new ImportError(0, string.Empty, "请选择要导入的文件。")], null));
        }

        if (file.Length > TabularFile.MaxBytes || !(TabularFile.IsXlsx(file.FileName) || TabularFile.IsCsv(file.FileName)))
        {
            return View(View_, Page(kind, [new ImportError(0, string.Empty, "请上传 5 MB 以内的 .xlsx 或 .csv 文件。")], file.FileName));
        }

        List<SheetRow> rows;
        try
        {
            await using var stream = file.OpenReadStream();
            rows = TabularFile.Read(stream, file.FileName);
        }
        catch (SheetFormatException e)
        {
            return View(View_, Page(kind, [new ImportError(0, string.Empty, e.Text)], file.FileName));
        }

        var counties = await db.Counties.AsNoTracking().ToDictionaryAsync(c => c.Name, c => c.Id);
        var (errors, created) = kind == "eldercare"
            ? await ImportElderCareAsync(rows, counties)
            : await ImportMedicalAsync(rows, counties);
        if (errors.Count > 0)
        {
            return View(View_, Page(kind, errors, file.FileName));
        }

        Flash(L["已导入 {0} 家机构。", created]);
        return Redirect($"~/admin/institutions/{kind}");
    }

    [HttpGet("export")]
    public async Task<IActionResult> Export(string kind, string format = "xlsx")
    {
        var counties = await db.Counties.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name);
        var (headers, rows) = kind == "eldercare"
            ? (ElderCareColumns.Headers, (await db.ElderCareInstitutions.AsNoTracking().OrderBy(i => i.Name).ToListAsync())
                .ConvertAll(i => ElderCareSheet.Write(i, counties[i.CountyId])))
            : (MedicalColumns.Headers, (await db.MedicalInstitutions.AsNoTracking().OrderBy(i => i.Name).ToListAsync())
                .ConvertAll(i => MedicalSheet.Write(i, counties[i.CountyId])));
        return SheetFile(kind, format, headers, rows);
    }

    [HttpGet("template")]
    public IActionResult Template(string kind, string format = "xlsx") =>
        SheetFile(kind + "-template", format, kind == "eldercare" ? ElderCareColumns.Headers : MedicalColumns.Headers, []);

    private FileContentResult SheetFile(string name, string format, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var buffer = new MemoryStream();
        var csv = format == "csv";
        if (csv) { TabularFile.WriteCsv(buffer, headers, rows); } else { TabularFile.WriteXlsx(buffer, headers, rows); }
        return File(
            buffer.ToArray(),
            csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"{name}-{clock.TodayInBeijing():yyyyMMdd}.{(csv ? "csv" : "xlsx")}");
    }

    private async Task<(List<ImportError>, int)> ImportElderCareAsync(List<SheetRow> rows, Dictionary<string, Guid> counties)
    {
        var codes = (await db.ElderCareInstitutions.Where(i => i.CreditCode != null).Select(i => i.CreditCode!).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var active = await db.ElderCareInstitutions.Where(i => i.IsActive).Select(i => new { i.CountyId, i.Name, i.RegistrationNumber }).ToListAsync();
        var forms = new List<ElderCareForm>();

        // ADR 051: an active home's name in its county and its 备案（登记）号 are unique, as on the form.
        var errors = InstitutionImporter.Validate(
            rows, ElderCareColumns, elderCareValidator, counties,
            f => [("统一社会信用代码", f.CreditCode), ("机构名称", NameKey(f.CountyId, f.Name)), ("备案（登记）号", f.RegistrationNumber)],
            new Dictionary<string, IReadOnlySet<string>>
            {
                ["统一社会信用代码"] = codes,
                ["机构名称"] = active.Select(i => NameKey(i.CountyId, i.Name)!.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal),
                ["备案（登记）号"] = active.Select(i => i.RegistrationNumber.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal),
            },
            forms);
        if (errors.Count == 0)
        {
            db.ElderCareInstitutions.AddRange(forms.Select(f => new ElderCareInstitution(TenantId, f.ToDetails())));
            return await SaveImportAsync(forms.Count);
        }

        return (errors, forms.Count);
    }

    private async Task<(List<ImportError>, int)> ImportMedicalAsync(List<SheetRow> rows, Dictionary<string, Guid> counties)
    {
        var existing = await db.MedicalInstitutions.Select(i => new { i.CreditCode, i.LicenseNumber, i.CountyId, i.Name, i.IsActive }).ToListAsync();
        var forms = new List<MedicalForm>();
        var errors = InstitutionImporter.Validate(
            rows, MedicalColumns, medicalValidator, counties,
            f => [("执业许可证登记号", f.LicenseNumber), ("统一社会信用代码", f.CreditCode), ("机构名称", NameKey(f.CountyId, f.Name))],
            new Dictionary<string, IReadOnlySet<string>>
            {
                ["执业许可证登记号"] = existing.Select(e => e.LicenseNumber.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal),
                ["统一社会信用代码"] = existing.Where(e => e.CreditCode != null).Select(e => e.CreditCode!).ToHashSet(StringComparer.Ordinal),
                ["机构名称"] = existing.Where(e => e.IsActive).Select(e => NameKey(e.CountyId, e.Name)!.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal),
            },
            forms);
        if (errors.Count == 0)
        {
            db.MedicalInstitutions.AddRange(forms.Select(f => new MedicalInstitution(TenantId, f.ToDetails())));
            return await SaveImportAsync(forms.Count);
        }

        return (errors, forms.Count);
    }

    /// <summary>An institution's name within its county, as the import compares them (ADR 051).</summary>
    private static string? NameKey(Guid? county, string? name) =>
        county is null || string.IsNullOrWhiteSpace(name) ? null : $"{county}|{name.Trim()}";

    /// <summary>Saves the file's rows; a unique index refusing one (another admin registered it meanwhile) saves none.</summary>
    private async Task<(List<ImportError>, int)> SaveImportAsync(int count)
    {
        try
        {
            await db.SaveChangesAsync();
            return ([], count);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return ([new ImportError(0, string.Empty, "导入时其他管理员刚刚登记了其中的机构，本次未导入任何机构。请重新导入以查看重复的行。")], count);
        }
    }

    private static ImportPage Page(string kind, IReadOnlyList<ImportError> errors, string? fileName) => kind == "eldercare"
        ? new ImportPage(kind, "导入养老服务机构", ElderCareColumns.Headers, errors, fileName)
        : new ImportPage(kind, "导入医疗卫生机构", MedicalColumns.Headers, errors, fileName);
}
