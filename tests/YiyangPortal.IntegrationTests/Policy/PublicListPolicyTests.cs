using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.TestSupport;
using YiyangPortal.Web.Features.Seeding;

namespace YiyangPortal.IntegrationTests.Policy;

/// <summary>
/// Issue 11 point 5: the public lists follow 国卫老龄发〔2024〕40号 一(二) — the health bureaus' list of medical
/// institutions providing elder-care services and the civil-affairs bureaus' list of 养老机构 providing medical services
/// (内设医疗机构 or agreement), each with publisher and date — and invent no terms (附件1: 分两次支付，上、下半年各一次).
/// </summary>
public class PublicListPolicyTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task EachList_NamesItsPublisherAndDate()
    {
        var parties = await TestParties.CreateAsync(app);
        await parties.AgreementAsync(AgreementStatus.Effective);
        var visitor = PortalClient.For(app);

        var elderCare = await (await visitor.GetAsync($"/shaoxing/public?county={parties.CountyId}")).Content.ReadAsStringAsync();
        var medical = await (await visitor.GetAsync($"/shaoxing/public?tab=medical&county={parties.CountyId}")).Content.ReadAsStringAsync();
        var city = await (await visitor.GetAsync("/shaoxing/public")).Content.ReadAsStringAsync();
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Contains("<h2 class=\"h5 mb-1\">提供医疗服务的养老机构名单</h2>", elderCare, StringComparison.Ordinal);
        Assert.Contains($"{parties.CountyName}民政局", elderCare, StringComparison.Ordinal);
        Assert.Contains("<h2 class=\"h5 mb-1\">提供养老服务的医疗卫生机构名单</h2>", medical, StringComparison.Ordinal);
        Assert.Contains($"{parties.CountyName}卫生健康局", medical, StringComparison.Ordinal);
        Assert.Contains("绍兴市民政局", city, StringComparison.Ordinal);
        Assert.Contains(today, elderCare, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ElderCareList_IncludesHomesWithAnInternalMedicalInstitution_WithoutAnAgreement()
    {
        var parties = await TestParties.CreateAsync(app);
        var internalMedical = await TestData.NewElderCareAsync(app, parties.CountyName, internalMedical: true);
        var neither = await TestData.NewElderCareAsync(app, parties.CountyName);
        var visitor = PortalClient.For(app);

        var page = await (await visitor.GetAsync($"/shaoxing/public?county={parties.CountyId}")).Content.ReadAsStringAsync();

        Assert.Contains(internalMedical.Name, page, StringComparison.Ordinal);
        Assert.Contains("通过内设医疗机构提供医疗服务", page, StringComparison.Ordinal);
        Assert.DoesNotContain(neither.Name, page, StringComparison.Ordinal);
        Assert.DoesNotContain(parties.HomeName, page, StringComparison.Ordinal); // no agreement, no 内设医疗机构
    }

    [Fact]
    public async Task AnnualHealthServiceFee_IsPublicOnlyWhereBothPartiesAgreed_InTheTemplatesWords()
    {
        var parties = await TestParties.CreateAsync(app);
        var other = await TestData.NewElderCareAsync(app, parties.CountyName, ElderCareInstitutionKind.NursingHome, beds: 200);
        await parties.AgreementAsync(AgreementStatus.Effective); // 附件1, not agreed to publish
        await TestData.AgreementAsync(app, new AgreementStory(
            other.Id, parties.ClinicId, AgreementTemplate.MedicalElderCareConsortium, AgreementStatus.Effective, DateTimeOffset.UtcNow)
        {
            PublishAnnualFee = true,
        });
        var visitor = PortalClient.For(app);

        var page = await (await visitor.GetAsync($"/shaoxing/public?county={parties.CountyId}")).Content.ReadAsStringAsync();
        var ownCard = page[page.IndexOf(parties.HomeName, StringComparison.Ordinal)..];
        var next = ownCard.IndexOf("data-testid=\"public-institution\"", StringComparison.Ordinal);
        ownCard = next < 0 ? ownCard : ownCard[..next];

        Assert.Contains("年度健康服务费 60,000.00 元（分两次支付，上、下半年各一次）", page, StringComparison.Ordinal);
        Assert.DoesNotContain("各付一半", page, StringComparison.Ordinal);
        Assert.Contains("会诊费 正高", ownCard, StringComparison.Ordinal);
        Assert.DoesNotContain("年度健康服务费", ownCard, StringComparison.Ordinal);
    }
}
