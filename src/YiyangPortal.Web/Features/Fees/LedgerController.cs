using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Institutions;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Fees;

/// <summary>One confirmed receipt in the 备查账.</summary>
public sealed record LedgerRow(
    DateOnly PaidOn, DateTimeOffset ConfirmedAtUtc, string ElderCareName, Guid AgreementId, string DocumentNumber,
    int AgreementYear, InstalmentHalf Half, Money Amount, PaymentMethod Method, string? Reference, string? Explanation);

/// <summary>The 备查账 of one calendar year, with the years that have receipts.</summary>
public sealed record LedgerPage(string InstitutionName, int Year, IReadOnlyList<int> Years, IReadOnlyList<LedgerRow> Rows, int Pending)
{
    public Money Total => Rows.Aggregate(Money.Zero, (sum, r) => sum + r.Amount);
}

/// <summary>
/// 合作费用备查账 (2020 guide 五(五): 医疗卫生机构应当将收到的医疗卫生服务合作经费单列备查账管理并依法接受检查监督): every
/// receipt the medical institution confirmed across its agreements, by calendar year of payment, with the year's total,
/// and the same as an XLSX sheet for the inspection (<see cref="TabularFile"/>).
/// </summary>
[Authorize(Policy = PortalPolicies.MedicalAdmin)]
[Route("medical/ledger")]
public sealed class LedgerController(PortalDbContext db, TimeProvider clock) : PortalController
{
    public static readonly IReadOnlyList<string> Headers =
        ["付款日期", "确认收款日期", "养老机构", "协议编号", "期次", "金额（元）", "付款方式", "付款凭证号", "说明"];

    [HttpGet("")]
    public async Task<IActionResult> Index(int? year) =>
        View("~/Features/Fees/Ledger.cshtml", await LoadAsync(year, HttpContext.RequestAborted));

    [HttpGet("export")]
    public async Task<IActionResult> Export(int? year)
    {
        var page = await LoadAsync(year, HttpContext.RequestAborted);
        var rows = page.Rows.Select(Row).Append(["合计", string.Empty, string.Empty, string.Empty, string.Empty, page.Total.ToString(), string.Empty, string.Empty, string.Empty]);
        using var buffer = new MemoryStream();
        TabularFile.WriteXlsx(buffer, Headers, rows);
        return File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            string.Create(CultureInfo.InvariantCulture, $"ledger-{page.Year}.xlsx"));
    }

    public static IReadOnlyList<string> Row(LedgerRow r) =>
    [
        Day(r.PaidOn), Day(BeijingTime.DateOf(r.ConfirmedAtUtc)), r.ElderCareName, r.DocumentNumber,
        $"第 {r.AgreementYear} 协议年度{r.Half.ToChinese()}", r.Amount.ToString(), r.Method.ToChinese(), r.Reference ?? string.Empty,
        r.Explanation ?? string.Empty,
    ];

    private async Task<LedgerPage> LoadAsync(int? year, CancellationToken cancellationToken)
    {
        var clinicId = Me.MedicalInstitutionId;
        var confirmed = db.FeePayments.AsNoTracking()
            .Where(p => p.MedicalInstitutionId == clinicId && p.Status == FeePaymentStatus.Confirmed);
        var years = await confirmed.Select(p => p.PaidOn.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);
        var shown = year is { } y && years.Contains(y) ? y : years.FirstOrDefault(clock.TodayInBeijing().Year);
        var (from, to) = (new DateOnly(shown, 1, 1), new DateOnly(shown, 12, 31));
        var rows = await confirmed.Where(p => p.PaidOn >= from && p.PaidOn <= to)
            .Join(db.Agreements, p => p.AgreementId, a => a.Id, (p, a) => new { p, a.DocumentNumber })
            .Join(db.ElderCareInstitutions, x => x.p.ElderCareInstitutionId, e => e.Id, (x, e) => new { x.p, x.DocumentNumber, e.Name })
            .OrderBy(x => x.p.PaidOn).ThenBy(x => x.p.RecordedAtUtc)
            .ToListAsync(cancellationToken);
        var pending = await db.FeePayments.CountAsync(p => p.MedicalInstitutionId == clinicId && p.Status == FeePaymentStatus.Pending, cancellationToken);
        var name = await db.MedicalInstitutions.Where(m => m.Id == clinicId).Select(m => m.Name).SingleOrDefaultAsync(cancellationToken) ?? string.Empty;
        return new LedgerPage(name, shown, years, rows.Select(x => new LedgerRow(
            x.p.PaidOn, x.p.AnsweredAtUtc!.Value, x.Name, x.p.AgreementId, x.DocumentNumber, x.p.AgreementYear, x.p.Half,
            x.p.Amount, x.p.Method, x.p.Reference, x.p.Explanation)).ToList(), pending);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
