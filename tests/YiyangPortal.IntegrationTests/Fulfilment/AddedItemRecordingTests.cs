using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Infrastructure.Fulfilment;
using YiyangPortal.TestSupport;
using YiyangPortal.Web.Features.Fulfilment;

namespace YiyangPortal.IntegrationTests.Fulfilment;

/// <summary>
/// ADR 044 (2020 guide 九(二)): a 补充协议 in force from day D adds 康复技能指导 4 次/月 and drops the yearly training.
/// The added item is recorded on the original from D, counts in the plan and the stored totals, and is refused before
/// D (one record, the grid, the import) with the message at the item field; the dropped one is refused from D.
/// </summary>
public class AddedItemRecordingTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string Added = "康复技能指导";

    [Fact]
    public async Task AddedItem_RecordedFromItsDay_CountsInThePlanAndTheTotals()
    {
        var (parties, agreement, doctor, supplement, day) = await SupplementedAsync();
        var added = supplement.Items.Single(i => i.Name == Added);

        var record = await FulfilmentFixture.RecordAsync(app, parties, agreement, added, doctor, day);
        await FulfilmentFixture.AnswerAsync(app, parties, agreement, record.Id, null);

        Assert.Equal((agreement.Id, added.Id), (record.AgreementId, record.AgreementItemId));
        var lines = (await FulfilmentFixture.LinesAsync(app, parties, agreement.Id)).Where(l => l.AgreementItemId == added.Id).ToList();
        var month = Assert.Single(lines, l => l.PeriodStart <= day && l.PeriodEnd >= day);
        Assert.Equal(1, month.Confirmed);
        Assert.DoesNotContain(lines, l => l.PeriodEnd < day);
        var full = lines.First(l => l.PeriodStart > day);
        Assert.Equal(4, full.Agreed);

        // The page's plan (ServicePlanStore) and its summary count it too, and so does the year of the 履约情况报告.
        var (summary, year) = await TestData.InTenantAsync(app, parties.Tenant, async db =>
        {
            var loaded = await db.Agreements.Include(a => a.Items).SingleAsync(a => a.Id == agreement.Id);
            var records = await db.ServiceRecords.AsNoTracking().Where(r => r.AgreementId == agreement.Id).ToListAsync();
            var plan = await ServicePlanStore.PlanAsync(db, loaded, CancellationToken.None);
            return (FulfilmentSummary.Of(plan, records),
                FulfilmentYear.Of(loaded, plan, AgreementEvaluation.YearsOf(loaded)[0], records, BeijingDate.Today));
        });
        Assert.Equal(1, summary.Single(l => l.Plan.AgreementItemId == added.Id && l.Plan.Period.Contains(day)).Confirmed);
        Assert.Equal(1, year.Lines.Where(l => l.Plan.AgreementItemId == added.Id).Sum(l => l.Confirmed));
    }

    [Fact]
    public async Task AddedItem_BeforeItsDay_AndDroppedItem_FromItsDay_AreRefusedAtTheItemField()
    {
        var (parties, agreement, doctor, supplement, day) = await SupplementedAsync();
        var added = supplement.Items.Single(i => i.Name == Added);
        var training = agreement.IncludedItems.Single(i => supplement.Items.All(s => s.ServiceItemId != i.ServiceItemId));

        var (early, dropped, beforeDrop) = await TestData.InTenantAsync(app, parties.Tenant, async db =>
        {
            var loaded = await db.Agreements.Include(a => a.Items).SingleAsync(a => a.Id == agreement.Id);
            var workflow = new FulfilmentWorkflow(db);
            var clinic = AgreementActor.Medical(parties.ClinicUserId, DateTimeOffset.UtcNow);
            var early = await workflow.RecordAsync(loaded, Delivery(added.Id, doctor, day.AddDays(-1)), clinic, null, CancellationToken.None);
            var dropped = await workflow.RecordAsync(loaded, Delivery(training.Id, doctor, day), clinic, null, CancellationToken.None);
            var beforeDrop = await workflow.RecordAsync(loaded, Delivery(training.Id, doctor, day.AddDays(-1)), clinic, null, CancellationToken.None);
            return (early, dropped, beforeDrop);
        });

        var tooEarly = Assert.Single(early.Problems);
        Assert.Equal((nameof(ServiceDelivery.AgreementItemId), false), (tooEarly.Field, early.Saved));
        Assert.Contains($"由补充协议（{supplement.DocumentNumber}）增加", tooEarly.Text.ToString(), StringComparison.Ordinal);
        var gone = Assert.Single(dropped.Problems);
        Assert.Equal(nameof(ServiceDelivery.AgreementItemId), gone.Field);
        Assert.Contains("取消", gone.Text.ToString(), StringComparison.Ordinal);
        Assert.True(beforeDrop.Saved);
        Assert.Equal([training.Id], (await StoredAsync(parties, agreement.Id)).Select(r => r.AgreementItemId));
    }

    [Fact]
    public async Task RecordPage_OffersTheItemsOfTheMonth_AndRefusesTheAddedItemBeforeItsDay_KeepingWhatWasTyped()
    {
        var (parties, agreement, doctor, supplement, day) = await SupplementedAsync();
        var added = supplement.Items.Single(i => i.Name == Added);
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);
        var earlier = day.AddMonths(-2);

        var thatMonth = await (await clinic.GetAsync($"{Page(agreement)}?month={day:yyyy-MM}")).Content.ReadAsStringAsync();
        var monthsBefore = await (await clinic.GetAsync($"{Page(agreement)}?month={earlier:yyyy-MM}")).Content.ReadAsStringAsync();
        Assert.Contains($"value=\"{added.Id}\"", thatMonth, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{added.Id}\"", monthsBefore, StringComparison.Ordinal);

        var refused = await RecordAsync(clinic, agreement, Fields(added.Id, doctor, day.AddDays(-1)));
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("data-field-error=\"AgreementItemId\"", html, StringComparison.Ordinal);
        Assert.Contains("尚不在约定范围内", html, StringComparison.Ordinal);
        Assert.Contains("value=\"康复训练示范\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Day(day.AddDays(-1))}\"", html, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync(parties, agreement.Id));

        var saved = await RecordAsync(clinic, agreement, Fields(added.Id, doctor, day));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([added.Id], (await StoredAsync(parties, agreement.Id)).Select(r => r.AgreementItemId));
    }

    [Fact]
    public async Task GridAndImport_RefuseTheAddedItemBeforeItsDay_SavingNothing_AndTheTemplateListsTheMonthsItems()
    {
        var (parties, agreement, doctor, supplement, day) = await SupplementedAsync();
        var added = supplement.Items.Single(i => i.Name == Added);
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);
        var grid = $"{Page(agreement)}/grid";

        var rows = Fields(added.Id, doctor, day.AddDays(-1)).ToDictionary(f => $"rows[0].{f.Key}", f => f.Value);
        var refused = await clinic.SubmitAsync($"{grid}?month={day:yyyy-MM}", grid, rows);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("data-field-error=\"rows[0].AgreementItemId\"", html, StringComparison.Ordinal);
        Assert.Contains("尚不在约定范围内", html, StringComparison.Ordinal);

        var sheet = Sheet([Day(day.AddDays(-1)), Added, "吴医生", "12", "60", ""], [Day(day), Added, "吴医生", "12", "60", ""]);
        var imported = await clinic.UploadAsync(grid, $"{grid}/import", "records.xlsx", sheet);
        html = await imported.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, imported.StatusCode);
        Assert.Contains("data-testid=\"import-errors\"", html, StringComparison.Ordinal);
        Assert.Contains("列 B（服务项目）", html, StringComparison.Ordinal);
        Assert.Contains("尚不在约定范围内", html, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync(parties, agreement.Id));

        Assert.Contains(Added, await TemplateItemsAsync(clinic, grid, day));
        Assert.DoesNotContain(Added, await TemplateItemsAsync(clinic, grid, day.AddMonths(-2)));
        var fromItsDay = await clinic.UploadAsync(grid, $"{grid}/import", "records.xlsx", Sheet([Day(day), Added, "吴医生", "12", "60", ""]));
        Assert.Equal(HttpStatusCode.Redirect, fromItsDay.StatusCode);
        Assert.Equal([added.Id], (await StoredAsync(parties, agreement.Id)).Select(r => r.AgreementItemId));
    }

    /// <summary>An agreement in force for about a hundred days, and a supplement in force from about thirty days ago (D).</summary>
    private async Task<(TestParties Parties, Agreement Agreement, StaffMember Doctor, Agreement Supplement, DateOnly Day)> SupplementedAsync()
    {
        var (parties, agreement, doctor) = await FulfilmentFixture.InForceAsync(app);
        var at = DateTimeOffset.UtcNow.AddDays(-30);
        var supplement = await FulfilmentFixture.SupplementAddingAsync(app, parties, agreement, "REHAB-GUIDE", 4, at, (s, by) =>
            s.RemoveItem(by, s.Items.Single(i => i.Name.StartsWith("医护人员业务培训", StringComparison.Ordinal)).Id));
        return (parties, agreement, doctor, supplement, BeijingTime.DateOf(at));
    }

    private static async Task<List<string>> TemplateItemsAsync(PortalClient client, string grid, DateOnly month)
    {
        var template = await client.GetAsync($"{grid}/template.xlsx?month={month:yyyy-MM}");
        using var stream = new MemoryStream(await template.Content.ReadAsByteArrayAsync());
        return stream.Query(useHeaderRow: true, sheetName: "可选项").Cast<IDictionary<string, object?>>()
            .Select(o => o["服务项目（照此填写）"]?.ToString() ?? string.Empty).ToList();
    }

    private static ServiceDelivery Delivery(Guid item, StaffMember staff, DateOnly day) => new(item, day, staff.Id, 10, 60, null);

    private static string Page(Agreement agreement) => $"/shaoxing/agreements/{agreement.Id}/fulfilment";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Fields(Guid item, StaffMember staff, DateOnly day) => new()
    {
        ["AgreementItemId"] = item.ToString(),
        ["ServiceDate"] = Day(day),
        ["StaffMemberId"] = staff.Id.ToString(),
        ["ResidentsServed"] = "12",
        ["DurationMinutes"] = "60",
        ["Notes"] = "康复训练示范",
    };

    private static Task<HttpResponseMessage> RecordAsync(PortalClient client, Agreement agreement, Dictionary<string, string> fields) =>
        client.SubmitAsync(Page(agreement), $"{Page(agreement)}/records", fields);

    /// <summary>An XLSX in the template's columns.</summary>
    private static byte[] Sheet(params string[][] rows)
    {
        string[] headers = ["服务日期", "服务项目", "服务人员", "服务人数", "时长（分钟）", "备注"];
        using var buffer = new MemoryStream();
        buffer.SaveAs(rows.Select(r => headers.Select((h, i) => (h, (object)r[i])).ToDictionary(p => p.h, p => p.Item2)).ToList(), excelType: ExcelType.XLSX);
        return buffer.ToArray();
    }

    private Task<List<ServiceRecord>> StoredAsync(TestParties parties, Guid agreementId) =>
        TestData.InTenantAsync(app, parties.Tenant, db =>
            db.ServiceRecords.AsNoTracking().Where(r => r.AgreementId == agreementId).OrderBy(r => r.ServiceDate).ToListAsync());
}
