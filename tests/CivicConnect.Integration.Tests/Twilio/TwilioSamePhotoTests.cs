using System.Text.RegularExpressions;
using CivicConnect.Integration.Tests.Photos;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.Twilio;

/// <summary>A photo already on an open report is offered as the same problem, wherever the second citizen says it is.</summary>
public sealed partial class TwilioSamePhotoTests(TwilioAppFactory app) : IClassFixture<TwilioAppFactory>
{
    private readonly TwilioWebhook twilio = new(app);

    [Fact]
    public async Task SamePhotoSentByASecondCitizen_IsOfferedAsTheOpenReport_AndJoiningAddsThemAsASubscriber()
    {
        var photo = SyntheticPhotos.Pothole(71);
        var first = await ReportAsync(photo, "17 Ave SW & 4 St SW");
        var firstBodies = Bodies(first.E164);
        var confirmation = firstBodies.SingleOrDefault(b => b.Contains("Your report is #", StringComparison.Ordinal));
        Assert.True(confirmation is not null, string.Join("\n---\n", firstBodies));
        var reference = int.Parse(ReferencePattern().Match(confirmation).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        // Kilometres away from the first report, so only the photo can say it is the same problem.
        var second = TwilioAppFactory.NewCitizen();
        await twilio.SendOk(TwilioWebhook.Sms(second.Written, "There is a big pothole"));
        await twilio.SendOk(TwilioWebhook.Mms(second.Written, string.Empty, (app.ServeMedia(photo, "image/jpeg"), "image/jpeg")));
        await twilio.SendOk(TwilioWebhook.Sms(second.Written, "Chinook Centre"));
        await twilio.SendOk(TwilioWebhook.Sms(second.Written, "yes"));
        await app.DrainOutboxAsync();
        var offer = Bodies(second.E164).LastOrDefault();
        Assert.True(offer?.Contains($"Your photo looks like the one already sent with report #{reference}.", StringComparison.Ordinal), string.Join("\n---\n", Bodies(second.E164)));

        await twilio.SendOk(TwilioWebhook.Sms(second.Written, "1"));
        await app.DrainOutboxAsync();
        Assert.Contains($"your report was added to #{reference}", Bodies(second.E164)[^1], StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        // Joining made no second report with a photo (the class's other test may have filed its own, with an earlier number).
        Assert.Equal(1, await db.Issues.CountAsync(i => i.Media.Any() && i.ReferenceNumber >= reference));
    }

    [Fact]
    public async Task ADifferentPhoto_IsNotOfferedAsTheSameProblem()
    {
        await ReportAsync(SyntheticPhotos.Graffiti(81), "8 Ave SW & 1 St SW");
        var second = TwilioAppFactory.NewCitizen();
        await twilio.SendOk(TwilioWebhook.Sms(second.Written, "There is a big pothole"));
        await twilio.SendOk(TwilioWebhook.Mms(second.Written, string.Empty, (app.ServeMedia(SyntheticPhotos.Pothole(82), "image/jpeg"), "image/jpeg")));
        await twilio.SendOk(TwilioWebhook.Sms(second.Written, "Chinook Centre"));
        await twilio.SendOk(TwilioWebhook.Sms(second.Written, "yes"));
        await app.DrainOutboxAsync();

        Assert.DoesNotContain(Bodies(second.E164), b => b.Contains("Your photo looks like", StringComparison.Ordinal));
    }

    /// <summary>A whole pothole report with a photo, answering every question with the first choice.</summary>
    private async Task<(string Written, string E164)> ReportAsync(byte[] photo, string place)
    {
        var citizen = TwilioAppFactory.NewCitizen();
        await twilio.SendOk(TwilioWebhook.Sms(citizen.Written, "There is a big pothole"));
        await twilio.SendOk(TwilioWebhook.Mms(citizen.Written, string.Empty, (app.ServeMedia(photo, "image/jpeg"), "image/jpeg")));
        foreach (var text in new[] { place, "yes", "1", "1", "1" })
        {
            await twilio.SendOk(TwilioWebhook.Sms(citizen.Written, text));
        }

        await app.DrainOutboxAsync();
        return citizen;
    }

    private List<string> Bodies(string e164) => app.SentTo(e164).Select(m => m["Body"]).ToList();

    [GeneratedRegex(@"#(\d+)")]
    private static partial Regex ReferencePattern();
}
