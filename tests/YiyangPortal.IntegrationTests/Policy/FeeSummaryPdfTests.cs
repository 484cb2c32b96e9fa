using YiyangPortal.Domain.Agreements;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Policy;

/// <summary>
/// Issue 11 point 3: the PDF's fee summary gives one total per payer. 附件1: 健康体检、医疗会诊、护理服务等费用在一次性支付
/// 服务费的范围以外支付 (and 2020 guide 五(一), (三)), so no line adds 自费 or 医保 to the home's fee; 附件2 has no
/// 年度健康服务费 at all.
/// </summary>
public class FeeSummaryPdfTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task ConsortiumPdf_ShowsTheAnnualFeeAsTheHomesCooperationFee_AndResidentsCostsApart()
    {
        var parties = await TestParties.CreateAsync(app);
        var agreement = await parties.AgreementAsync(AgreementStatus.Effective);

        var text = await PdfTextAsync(parties, agreement.Id);

        Assert.Contains("费用汇总（按支付方）", text, StringComparison.Ordinal);
        Assert.Contains("年度健康服务费", text, StringComparison.Ordinal);
        Assert.Contains("合作经费小计（甲方支付）", text, StringComparison.Ordinal);
        Assert.Contains("自费服务项目（年度估算）", text, StringComparison.Ordinal);
        Assert.Contains("医保服务项目（年度估算）", text, StringComparison.Ordinal);
        Assert.Contains("符合条件的老年人免费", text, StringComparison.Ordinal);
        Assert.DoesNotContain("年度费用合计", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectCooperationPdf_HasNoAnnualHealthServiceFeeRow()
    {
        var parties = await TestParties.CreateAsync(app);
        var agreement = await TestData.AgreementAsync(app, TestData.Effective(parties.HomeId, parties.ClinicId, DateTimeOffset.UtcNow));

        var text = await PdfTextAsync(parties, agreement.Id);

        Assert.Contains("费用汇总（按支付方）", text, StringComparison.Ordinal);
        Assert.DoesNotContain("年度健康服务费", text, StringComparison.Ordinal);
        Assert.DoesNotContain("年度费用合计", text, StringComparison.Ordinal);
    }

    private async Task<string> PdfTextAsync(TestParties parties, Guid agreementId)
    {
        var staff = PortalClient.For(app);
        await staff.LoginAsync("/" + parties.Tenant, parties.StaffEmail);
        var pdf = await (await staff.GetAsync($"/{parties.Tenant}/agreements/{agreementId}/pdf")).Content.ReadAsByteArrayAsync();
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => p.Text)).Replace(" ", string.Empty, StringComparison.Ordinal);
    }
}
