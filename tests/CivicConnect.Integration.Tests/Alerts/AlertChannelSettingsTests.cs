using CivicConnect.Core.Messages;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Messaging.Outbox;
using CivicConnect.Workflow.Escalation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CivicConnect.Integration.Tests.Alerts;

/// <summary>Without settings the alert channels are off and say so; half-made settings stop the node from starting.</summary>
public sealed class AlertChannelSettingsTests
{
    [Fact]
    public async Task Unconfigured_MailAndWebhookRows_FailAsNotConfigured()
    {
        await using var app = new CivicAppFactory();
        await app.InitializeAsync();
        app.Settings["Messaging:OutboxPollInterval"] = "00:10:00";
        _ = app.Server;

        long[] ids;
        await using (var db = app.CreateDbContext())
        {
            var now = app.Clock.GetUtcNow();
            var rows = new[] { (ChannelIds.Mail, "roads-dispatch@calgary.example"), (ChannelIds.Webhook, "https://roads.example.org/hooks/311") }
                .Select(r => new OutboxMessage
                {
                    Kind = OutboxKinds.Notification,
                    Channel = r.Item1,
                    Address = r.Item2,
                    Payload = OutboxPayload.Write("en", Reply.Plain("Escalation level 1: 311 report #1")),
                    NextAttemptAt = now,
                    CreatedAt = now,
                }).ToList();
            db.OutboxMessages.AddRange(rows);
            await db.SaveChangesAsync();
            ids = rows.Select(r => r.Id).ToArray();
        }

        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);

        await using var check = app.CreateDbContext();
        var failed = await check.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync();
        Assert.All(failed, m => Assert.Equal(OutboxStatus.Failed, m.Status));
        Assert.Equal(["channel 'mail' is not configured on this node", "channel 'webhook' is not configured on this node"], failed.Select(m => m.LastError));
    }

    [Fact]
    public async Task Start_WithHalfMadeAlertSettings_RefusesAndListsEveryProblem()
    {
        await using var app = new CivicAppFactory();
        await app.InitializeAsync();
        app.Settings["Mail:Host"] = "smtp.calgary.example";
        app.Settings["Mail:UserName"] = "alerts";
        app.Settings["Webhook:Secret"] = "too-short";

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var failures = (error as AggregateException)?.Flatten().InnerExceptions ?? [error];
        Assert.All(failures, f => Assert.IsType<OptionsValidationException>(f));
        var message = string.Join("\n", failures.Select(f => f.Message));
        Assert.Contains("Mail:From must be an e-mail address", message, StringComparison.Ordinal);
        Assert.Contains("Mail:UserName and Mail:Password must be set together", message, StringComparison.Ordinal);
        Assert.Contains("Secret", message, StringComparison.Ordinal);
    }
}
