using YiyangPortal.Domain.Catalogue;

namespace YiyangPortal.Domain.Tests.Catalogue;

public class StandardCatalogueTests
{
    [Fact]
    public void Catalogue_CoversAllFourteenCategoriesOfThe2020Guide() =>
        Assert.Equal(
            Enum.GetValues<ServiceCategory>().Order(),
            StandardCatalogue.Items.Select(i => i.Category).Distinct().Order());

    [Fact]
    public void Codes_AreUnique() =>
        Assert.Equal(StandardCatalogue.Items.Count, StandardCatalogue.Items.Select(i => i.Code).Distinct().Count());

    [Theory]
    [InlineData("SX1-CLINIC", "坐诊")]
    [InlineData("SX1-ROUNDS", "查房")]
    [InlineData("SX1-CONSULT", "会诊")]
    [InlineData("SX1-RECORDS", "健康档案")]
    [InlineData("SX1-GREEN-CLINIC", "就诊绿色通道")]
    [InlineData("SX1-TRAIN", "业务培训")]
    [InlineData("SX2-CHRONIC-FOLLOWUP", "不少于4次")]
    [InlineData("SX2-CHECKUP", "健康体检")]
    [InlineData("SICKBED-SETUP", "家庭病床")]
    public void ShaoxingTemplateItems_ArePresent(string code, string wording) =>
        Assert.Contains(wording, StandardCatalogue.Items.Single(i => i.Code == code).Name, StringComparison.Ordinal);

    [Fact]
    public void AnnualCheckup_IsFreeBasicPublicHealth_For60Plus_OutsideTheAnnualFee_Shaoxing二5()
    {
        // 绍市民〔2024〕6号 二.5: 60周岁及以上每年1次上门健康体检, with the free basic public-health check.
        var checkup = StandardCatalogue.Items.Single(i => i.Code == "SX2-CHECKUP");

        Assert.Equal(ServiceCategory.BasicPublicHealth, checkup.Category);
        Assert.Equal(Funding.BasicPublicHealth, checkup.Funding);
        Assert.Equal(ServiceUnit.TimesPerYear, checkup.Unit);
        Assert.Contains("60周岁及以上", checkup.Name, StringComparison.Ordinal);
        Assert.Contains("二.5", checkup.Source, StringComparison.Ordinal);
        Assert.Contains("不在年度健康服务费范围内", checkup.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void FamilySickbed_NamesTheSixConditionsOfTemplate2()
    {
        Assert.Equal(6, StandardCatalogue.FamilySickbedConditions.Count);
        var sickbed = StandardCatalogue.Items.Single(i => i.Code == "SICKBED-SETUP");
        Assert.All(StandardCatalogue.FamilySickbedConditions, c => Assert.Contains(c, sickbed.Description, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryTcmItem_RequiresTheQualification() =>
        Assert.All(
            StandardCatalogue.Items.Where(i => i.Category == ServiceCategory.TraditionalChineseMedicine),
            i => Assert.True(i.Requirement.HasFlag(ProviderRequirement.TcmQualification), i.Name));

    [Fact]
    public void CreateFor_GivesEachTenantItsOwnOrderedCopy()
    {
        var tenant = Guid.NewGuid();
        var items = StandardCatalogue.CreateFor(tenant).ToList();
        Assert.All(items, i => Assert.Equal(tenant, i.TenantId));
        Assert.Equal(Enumerable.Range(1, items.Count), items.Select(i => i.SortOrder));
    }
}
