using System.Globalization;
using Microsoft.Extensions.Localization;
using YiyangPortal.Domain.Common;
using YiyangPortal.Signing;

namespace YiyangPortal.Web;

/// <summary>
/// The one place a domain refusal becomes text in the user's language (ADR 028): the Chinese template is the key in
/// the shared string table, the translation is formatted with the same arguments in the request's culture. Arguments
/// the domain wrapped as a <see cref="DomainMessage"/> (a status, a party, a field's name) are translated the same
/// way; plain strings (names, document numbers, action labels whose Chinese key means something else elsewhere) and
/// numbers stay as they are.
/// </summary>
public static class DomainMessages
{
    public static string Message(this IStringLocalizer localizer, DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return localizer.Message(exception.Text);
    }

    /// <summary>
    /// A refusal of the signing library (seal image, time stamp, certificate, PDF) as a domain message, so it is
    /// translated the same way (ADR 032; the Signing project cannot reference the domain).
    /// </summary>
    public static DomainMessage Text(this SigningException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Text.AsDomainMessage();
    }

    /// <summary>A sentence of the signing library (a refusal, a line of a verification report) in the user's language.</summary>
    public static string Message(this IStringLocalizer localizer, SigningText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return localizer.Message(text.AsDomainMessage());
    }

    private static DomainMessage AsDomainMessage(this SigningText text) =>
        new(text.Template, [.. text.Arguments.Select(a => a is SigningText inner ? inner.AsDomainMessage() : a)]);

    public static string Message(this IStringLocalizer localizer, DomainMessage message)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(message);
        var template = localizer[message.Template].Value;
        if (message.Arguments.Count == 0)
        {
            return template;
        }

        var arguments = message.Arguments.Select(a => a switch
        {
            DomainMessage inner => localizer.Message(inner),
            DomainMessageList list => string.Join(localizer[list.Separator].Value, list.Items.Select(i => i is DomainMessage m ? localizer.Message(m) : i)),
            _ => a,
        }).ToArray();
        return string.Format(CultureInfo.CurrentCulture, template, arguments);
    }
}
