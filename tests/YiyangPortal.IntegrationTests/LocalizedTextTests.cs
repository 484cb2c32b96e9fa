using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using YiyangPortal.Domain.Common;
using YiyangPortal.Web;
using YiyangPortal.Web.Features.Shared;

namespace YiyangPortal.IntegrationTests;

/// <summary>ADR 053: dates, periods, names and recorded history texts read in the page's language; Chinese unchanged.</summary>
public sealed class LocalizedTextTests : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;
    private readonly IStringLocalizer _l = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)
        .Create(typeof(SharedResource));

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }

    private static void Use(string culture) =>
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (CultureInfo.GetCultureInfo(culture), CultureInfo.GetCultureInfo(culture));

    [Fact]
    public void Chinese_KeepsTheFormsThePagesHad()
    {
        Use("zh-CN");

        Assert.Equal("2026年12月10日", _l.Date(new DateOnly(2026, 12, 10)));
        Assert.Equal("2026年12月7日 14:25", _l.DateAndTime(new DateTimeOffset(2026, 12, 7, 6, 25, 0, TimeSpan.Zero)));
        Assert.Equal("2026-12-10 至 2027-12-09", _l.Period(new ValidityPeriod(new DateOnly(2026, 12, 10), new DateOnly(2027, 12, 9))));
        Assert.Equal("2024-01-01 起", _l.Period(new ValidityPeriod(new DateOnly(2024, 1, 1), null)));
        Assert.Equal("越城区民政局", _l.Named("越城区", "民政局"));
        Assert.Equal("测血压：4 次/月，单价 10.00 元", HistoryText.Value(_l, "测血压：4 次/月，单价 10.00 元"));
        // Review B.13: notes recorded before the fix read without the double mark too.
        Assert.Equal("请补充扫描件。补正截止 2026-05-28（含当日）", HistoryText.Value(_l, "请补充扫描件。；补正截止 2026-05-28（含当日）"));
        Assert.Equal("缺少盖章页；补正截止 2026-05-28（含当日）", HistoryText.Value(_l, "缺少盖章页；补正截止 2026-05-28（含当日）"));
    }

    [Fact]
    public void English_ReadsDatesAsIsoDays_AndKeepsNamesAndTypedText()
    {
        Use("en");

        Assert.Equal("2026-12-10", _l.Date(new DateOnly(2026, 12, 10)));
        Assert.Equal("2026-12-07 14:25", _l.DateAndTime(new DateTimeOffset(2026, 12, 7, 6, 25, 0, TimeSpan.Zero)));
        Assert.Equal("2026-12-10 to 2027-12-09", _l.Period(new ValidityPeriod(new DateOnly(2026, 12, 10), new DateOnly(2027, 12, 9))));
        Assert.Equal("from 2024-01-01", _l.Period(new ValidityPeriod(new DateOnly(2024, 1, 1), null)));
        Assert.Equal("Due 2026-05-28 (inclusive)", _l.Deadline(new DateOnly(2026, 5, 28)));
        Assert.Equal("越城区 Civil Affairs Bureau", _l.Named("越城区", "民政局"));
        Assert.Equal("System", HistoryText.Actor(_l, "系统"));
        Assert.Equal("测血压: 4 times/month, unit price 10.00 yuan", HistoryText.Value(_l, "测血压：4 次/月，单价 10.00 元"));
        Assert.Equal("请补充扫描件。 Correction: Due 2026-05-28 (inclusive)", HistoryText.Value(_l, "请补充扫描件。；补正截止 2026-05-28（含当日）"));
        Assert.Equal("本院人员安排有限", HistoryText.Value(_l, "本院人员安排有限"));
        Assert.Equal("1,200.00 yuan/visit", CatalogueLabels.Price(Money.FromYuan(1200m), Domain.Catalogue.ServiceUnit.PerVisit, _l));
    }
}
