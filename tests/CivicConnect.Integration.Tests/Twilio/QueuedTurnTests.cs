using System.Text.RegularExpressions;
using CivicConnect.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.Twilio;

/// <summary>The production timing: the webhook answers after the inbox commit and a worker runs the turn.</summary>
public sealed class QueuedTurnsTwilioApp : TwilioAppFactory
{
    public QueuedTurnsTwilioApp() => Settings["Messaging:Turns"] = nameof(TurnTiming.Queued);
}

public sealed partial class QueuedTurnTests(QueuedTurnsTwilioApp app) : IClassFixture<QueuedTurnsTwilioApp>
{
    // Two places far apart: the same spot would make the later report join the earlier one as a duplicate.
    private static readonly string[] Places = ["on 17 Ave SW at 4 St SW", "at Chinook Centre"];

    private static string[] PotholeReport(string place) => ["hi", $"There is a pothole {place}", "yes", "1", "Bigger than a tire", "yes", "1"];

    [Fact]
    public async Task TwoCitizensTypingFast_EachConversationIsProcessedInOrder_AndEndsWithItsOwnReferenceNumber()
    {
        var citizens = new[] { TwilioAppFactory.NewCitizen(), TwilioAppFactory.NewCitizen() };

        // Every webhook is answered before its turn has run: nobody waits for the previous reply.
        await Task.WhenAll(citizens.Select(async (citizen, index) =>
        {
            var twilio = new TwilioWebhook(app);
            foreach (var text in PotholeReport(Places[index]))
            {
                await twilio.SendOk(TwilioWebhook.Sms(citizen.Written, text));
            }
        }));

        await WaitUntilEveryInboxMessageIsProcessedAsync(citizens.Length * PotholeReport(Places[0]).Length);
        await app.DrainOutboxAsync();

        var references = new List<int>();
        foreach (var (_, e164) in citizens)
        {
            var sent = app.SentTo(e164);
            var confirmation = Assert.Single(sent, m => m["Body"].Contains("Your report is #", StringComparison.Ordinal));
            references.Add(int.Parse(ReferencePattern().Match(confirmation["Body"]).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(2, references.Distinct().Count());
        await using var db = app.CreateDbContext();
        Assert.Equal(2, await db.Issues.CountAsync(i => references.Contains(i.ReferenceNumber) && i.Category!.Code == "pothole"));
    }

    private async Task WaitUntilEveryInboxMessageIsProcessedAsync(int expected)
    {
        for (var i = 0; i < 600; i++)
        {
            await using var db = app.CreateDbContext();
            if (await db.InboxMessages.CountAsync(m => m.ProcessedAt != null) >= expected)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The queued turns did not finish within a minute.");
    }

    [GeneratedRegex(@"#(\d+)")]
    private static partial Regex ReferencePattern();
}
