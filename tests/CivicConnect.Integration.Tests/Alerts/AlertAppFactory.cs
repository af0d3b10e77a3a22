using System.Security.Cryptography;
using System.Text;
using CivicConnect.Channels.Outbox;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using WireMock.Server;

namespace CivicConnect.Integration.Tests.Alerts;

/// <summary>
/// A node whose <c>mail</c> channel talks to a real SMTP server in the test process (netDumbster)
/// and whose <c>webhook</c> channel posts to a WireMock receiver; the Roads department's webhook
/// URL points at that receiver.
/// </summary>
public class AlertAppFactory : CivicAppFactory
{
    public const string Secret = "a-webhook-secret-shared-with-the-roads-system";
    public const string RoadsHookPath = "/hooks/roads";

    public SimpleSmtpServer Smtp { get; } = SimpleSmtpServer.Start();

    public WireMockServer Receiver { get; } = WireMockServer.Start();

    public string RoadsHook => Receiver.Url + RoadsHookPath;

    public AlertAppFactory()
    {
        Settings["Auth:DevSigningKey"] = "a-test-signing-key-that-is-long-enough-0123456789";
        Settings["Mail:Host"] = "127.0.0.1";
        Settings["Mail:Port"] = Smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Mail:From"] = "311 Calgary <noreply-311@calgary.example>";
        Settings["Mail:UseStartTls"] = "false";
        Settings["Mail:Timeout"] = "00:00:10";
        Settings["Webhook:Secret"] = Secret;
        Settings["Messaging:ProviderRetryDelay"] = "00:00:00.050";
        Settings["Messaging:OutboxPollInterval"] = "00:10:00";
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = CreateDbContext();
        await db.Departments.Where(d => d.Code == "ROADS").ExecuteUpdateAsync(s => s.SetProperty(d => d.WebhookUrl, RoadsHook));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Stop();
        Receiver.Stop();
    }

    /// <summary>Sends every due outbox row now, as the dispatcher would on its next poll.</summary>
    public async Task DrainOutboxAsync()
    {
        var dispatcher = Services.GetRequiredService<OutboxDispatcher>();
        for (var i = 0; i < 200; i++)
        {
            await dispatcher.DispatchOnceAsync(CancellationToken.None);
            await using var db = CreateDbContext();
            var now = Clock.GetUtcNow();
            if (!await db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now))
            {
                return;
            }

            await Task.Delay(25);
        }

        Assert.Fail("The outbox did not drain.");
    }

    /// <summary>The receiver's own check, written from the scheme's definition rather than with the app's helper.</summary>
    public static bool IsSignedBody(byte[] body, string? header) =>
        header == "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));
}
