using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace YiyangPortal.Infrastructure.Notifications;

/// <summary>An e-mail to send after the change that caused it has been saved.</summary>
public sealed record MailMessageDraft(string To, string ToName, string Subject, string Body);

public interface IMailSender
{
    Task SendAsync(IReadOnlyList<MailMessageDraft> messages, CancellationToken cancellationToken = default);
}

public sealed class MailOptions
{
    public const string Section = "Portal:Mail";

    /// <summary>SMTP host; empty: write .eml files to <see cref="DropFolder"/> instead (development).</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "noreply@yiyang.local";

    public string FromName { get; set; } = "医养签约服务门户";

    public string DropFolder { get; set; } = Path.Combine(".local", "mail");
}

/// <summary>
/// MailKit over SMTP when configured; otherwise .eml files in a folder. A failed send is logged, never thrown: the
/// in-app notification is already saved, and mail must not undo a signature.
/// </summary>
public sealed partial class MailSender(IOptions<MailOptions> options, TimeProvider clock, ILogger<MailSender> logger) : IMailSender
{
    public async Task SendAsync(IReadOnlyList<MailMessageDraft> messages, CancellationToken cancellationToken = default)
    {
        if (messages.Count == 0)
        {
            return;
        }

        var o = options.Value;
        try
        {
            if (string.IsNullOrEmpty(o.Host))
            {
                Directory.CreateDirectory(o.DropFolder);
                foreach (var message in messages)
                {
                    await ToMime(message, o).WriteToAsync(Path.Combine(o.DropFolder, $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml"), cancellationToken);
                }

                return;
            }

            using var client = new SmtpClient();
            await client.ConnectAsync(o.Host, o.Port, SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
            if (!string.IsNullOrEmpty(o.UserName))
            {
                await client.AuthenticateAsync(o.UserName, o.Password ?? string.Empty, cancellationToken);
            }

            foreach (var message in messages)
            {
                await client.SendAsync(ToMime(message, o), cancellationToken);
            }

            await client.DisconnectAsync(true, cancellationToken);
        }
        catch (Exception e) when (e is IOException or MailKit.ProtocolException or MailKit.Security.AuthenticationException or SmtpCommandException or System.Net.Sockets.SocketException)
        {
            LogFailed(logger, messages.Count, e);
        }
    }

    private static MimeMessage ToMime(MailMessageDraft draft, MailOptions o)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(o.FromName, o.From));
        message.To.Add(new MailboxAddress(draft.ToName, draft.To));
        message.Subject = draft.Subject;
        message.Body = new TextPart("plain") { Text = draft.Body };
        return message;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send {Count} notification e-mails")]
    private static partial void LogFailed(ILogger logger, int count, Exception exception);
}
