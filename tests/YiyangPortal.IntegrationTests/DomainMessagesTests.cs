using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using YiyangPortal.Domain.Common;
using YiyangPortal.Web;

namespace YiyangPortal.IntegrationTests;

/// <summary>ADR 028: the one helper that puts a domain refusal into the user's language.</summary>
public sealed class DomainMessagesTests : IDisposable
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
    public void English_TranslatesTheTemplate_AndWrappedLabels_KeepsOtherArguments()
    {
        var refusal = new DomainException("当前状态为“{0}”，不能{1}。", new DomainMessage("已生效"), "提交审核");
        var nested = new DomainException("协议内容不完整：{0}（共 {1} 处需要补充或修改）", new DomainMessage("“{0}”为自费项目，请填写单价。", "助浴"), 3);

        Use("en");

        Assert.Equal("当前状态为“已生效”，不能提交审核。", refusal.Message); // logs and the Chinese tests keep the Chinese text
        Assert.Equal("This cannot be done in status “In force”.", _l.Message(refusal));
        Assert.Equal("The agreement is incomplete: “助浴” is self-paid; please enter its unit price. (3 places to complete or correct in all)", _l.Message(nested));
        Assert.Equal("The unit price cannot exceed 10,000 yuan; please check it.", _l.Message(new DomainException("单价不能超过 {0:#,0} 元，请核对。", 10_000m)));
    }

    [Fact]
    public void Chinese_IsTheFormattedTemplate()
    {
        var refusal = new DomainException("终止日期不能晚于协议期满日（{0:yyyy年M月d日}）；期满后协议自动到期。", new DateOnly(2027, 3, 1));

        Use("zh-CN");

        Assert.Equal("终止日期不能晚于协议期满日（2027年3月1日）；期满后协议自动到期。", refusal.Message);
        Assert.Equal(refusal.Message, _l.Message(refusal));
    }
}
