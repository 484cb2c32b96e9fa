using Microsoft.Extensions.Localization;
using YiyangPortal.Domain.Notifications;

namespace YiyangPortal.Web.Features.Inbox;

/// <summary>
/// A notification's title in the reader's language (ADR 046): its template and arguments through the same helper as
/// every domain message (<see cref="DomainMessages"/>), cut to the length the Chinese title is kept at; a row written
/// before templates were kept shows its stored Chinese title.
/// </summary>
public static class NotificationTitles
{
    public static string Title(this IStringLocalizer localizer, Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return notification.TitleText is { } text ? Notification.Clip(localizer.Message(text)) : notification.Title;
    }
}
