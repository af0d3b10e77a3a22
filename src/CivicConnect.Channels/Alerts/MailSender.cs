using System.Net.Sockets;
using CivicConnect.Core.Messages;
using CivicConnect.Messaging.Outbox;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CivicConnect.Channels.Alerts;

/// <summary>
/// Sends staff alerts as plain-text e-mail over SMTP (MailKit), one connection per message: alerts
/// are rare, and a fresh connection never inherits a half-broken session. The Message-Id comes
/// from the outbox row, so a retry after a lost reply reaches the mailbox as the same message
/// (mail clients and list servers drop duplicates by it). A 4xx reply or a network failure may
/// work later; a 5xx reply (unknown mailbox, refused sender) never will.
/// </summary>
internal sealed class MailSender(IOptions<MailOptions> options) : IChannelSender
{
    private const int MaxSubjectLength = 120;

    public string Channel => ChannelIds.Mail;

    public async Task<SendOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!MailboxAddress.TryParse(message.Address, out var to))
        {
            return SendOutcome.Failure($"'{message.Address}' is not an e-mail address.", permanent: true);
        }

        var mail = Compose(message, MailboxAddress.Parse(settings.From!), to);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            var security = settings.Port == 465 ? SecureSocketOptions.SslOnConnect
                : settings.UseStartTls ? SecureSocketOptions.StartTls
                : SecureSocketOptions.None;
            await client.ConnectAsync(settings.Host!, settings.Port, security, cancellationToken);
            if (!string.IsNullOrWhiteSpace(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password!, cancellationToken);
            }

            await client.SendAsync(mail, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return SendOutcome.Success(mail.MessageId);
        }
        catch (SmtpCommandException ex)
        {
            var error = $"SMTP {(int)ex.StatusCode} ({ex.ErrorCode}): {ex.Message}";
            return (int)ex.StatusCode >= 500 ? SendOutcome.Failure(error, permanent: true) : SendOutcome.Failure(error);
        }
        catch (AuthenticationException ex)
        {
            // Wrong credentials stay wrong until someone fixes the configuration; the row waits in the failed list.
            return SendOutcome.Failure("SMTP login refused: " + ex.Message, permanent: true);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutException or SslHandshakeException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return SendOutcome.Failure($"SMTP server {settings.Host}:{settings.Port} could not take the message: {ex.Message}");
        }
    }

    internal static MimeMessage Compose(OutboundMessage message, MailboxAddress from, MailboxAddress to)
    {
        var text = Text(message.Reply);
        var mail = new MimeMessage
        {
            Subject = Subject(text),
            MessageId = $"civic-outbox-{message.OutboxId}@{from.Domain}",
            Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = text },
        };
        mail.From.Add(from);
        mail.To.Add(to);
        mail.Headers.Add(HeaderId.ContentLanguage, message.Locale);
        return mail;
    }

    /// <summary>Alerts are plain replies; any choices are listed under the text so nothing is lost in a mail client.</summary>
    private static string Text(Reply reply) =>
        reply.Choices is { Count: > 0 } choices ? reply.Text + "\n\n" + string.Join("\n", choices.Select(c => "- " + c.Title)) : reply.Text;

    /// <summary>The first line, cut at a word before 120 characters: the reference number comes early in every alert.</summary>
    private static string Subject(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        if (line.Length <= MaxSubjectLength)
        {
            return line;
        }

        var cut = line.LastIndexOf(' ', MaxSubjectLength - 1);
        return line[..(cut > 40 ? cut : MaxSubjectLength - 1)] + "…";
    }
}
