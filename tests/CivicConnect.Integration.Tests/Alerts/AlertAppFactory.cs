using System.Security.Cryptography;
using System.Text;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using netDumbster.smtp;
using WireMock.Server;

namespace CivicConnect.Integration.Tests.Alerts;

/// <summary>
/// A node whose <c>mail</c> channel talks to a real SMTP server in the test process (netDumbster)
/// and whose <c>webhook</c> channel posts to a WireMock receiver; the Roads department's webhook
/// URL points at that receiver.
/// </summary>
public class AlertAppFactory : ProviderAppFactory
{
    public const string Secret = "a-webhook-secret-shared-with-the-roads-system";
    public const string RoadsHookPath = "/hooks/roads";

    public SimpleSmtpServer Smtp { get; } = SimpleSmtpServer.Start();

    /// <summary>The Roads department's own system, receiving webhooks.</summary>
    public WireMockServer Receiver => Provider;

    public string RoadsHook => Receiver.Url + RoadsHookPath;

    public AlertAppFactory()
        : base("civic-alert-media-")
    {
        Settings["Auth:DevSigningKey"] = "a-test-signing-key-that-is-long-enough-0123456789";
        Settings["Mail:Host"] = "127.0.0.1";
        Settings["Mail:Port"] = Smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Mail:From"] = "311 Calgary <noreply-311@calgary.example>";
        Settings["Mail:UseStartTls"] = "false";
        Settings["Mail:Timeout"] = "00:00:10";
        Settings["Webhook:Secret"] = Secret;

        // The receiver is a stand-in on this machine: named, as an operator would name an internal system.
        Settings["Webhook:AllowedHosts:0"] = "localhost";
        Settings["Webhook:AllowedHosts:1"] = "127.0.0.1";
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
    }

    /// <summary>The receiver's own check, written from the scheme's definition rather than with the app's helper.</summary>
    public static bool IsSignedBody(byte[] body, string? header) =>
        header == "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));
}
