using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Notifications;

namespace YiyangPortal.Domain.Tests.Notifications;

/// <summary>ADR 046: a notification keeps its title's template and arguments, read back as the same kinds of value.</summary>
public sealed class NotificationTitleTests
{
    [Fact]
    public void ATitle_IsKeptAsChineseText_AndAsItsTemplateAndArguments_ThatReadBackTheSame()
    {
        var title = new DomainMessage("协议 {0} 本月（{1:yyyy年M月}）应完成：{2}。{3}", "YL-2026-007", new DateOnly(2026, 12, 1),
            new DomainMessageList("、", [new DomainMessage("{0} {1} 次", "坐诊", 4), new DomainMessage("{0} {1} 人次", "体检", 30)]),
            new DomainMessage("民政局"));

        var notification = new Notification(Guid.NewGuid(), Guid.NewGuid(), NotificationKind.FulfilmentDue, title, "/x", DateTimeOffset.UnixEpoch);

        Assert.Equal("协议 YL-2026-007 本月（2026年12月）应完成：坐诊 4 次、体检 30 人次。民政局", notification.Title);
        Assert.Equal(title.Template, notification.TitleTemplate);
        var back = notification.TitleText!;
        Assert.Equal(title.Template, back.Template);
        Assert.Equal(title.ToString(), back.ToString());
        Assert.Equal("YL-2026-007", back.Arguments[0]);
        Assert.Equal(new DateOnly(2026, 12, 1), back.Arguments[1]);
        var list = Assert.IsType<DomainMessageList>(back.Arguments[2]);
        Assert.Equal("、", list.Separator);
        Assert.Equal(4, Assert.IsType<DomainMessage>(list.Items[0]).Arguments[1]);
        Assert.Equal("民政局", Assert.IsType<DomainMessage>(back.Arguments[3]).Template);
    }

    [Fact]
    public void ATitleWithoutArguments_StoresNone_AndALongOne_IsCutToTheColumn()
    {
        var plain = new Notification(Guid.NewGuid(), Guid.NewGuid(), NotificationKind.Returned, new DomainMessage("已退回。"), "/x", DateTimeOffset.UnixEpoch);
        Assert.Null(plain.TitleArguments);
        Assert.Empty(plain.TitleText!.Arguments);

        var reason = new string('理', 300);
        var long_ = new Notification(Guid.NewGuid(), Guid.NewGuid(), NotificationKind.Terminated, new DomainMessage("终止：{0}", reason), "/x", DateTimeOffset.UnixEpoch);
        Assert.Equal(Notification.TitleMaxLength, long_.Title.Length);
        Assert.Equal(reason, long_.TitleText!.Arguments[0]);
    }
}
