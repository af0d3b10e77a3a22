using System.Globalization;
using System.Text.RegularExpressions;
using CivicConnect.Integration.Tests.DirectLine;
using CivicConnect.Integration.Tests.Twilio;

namespace CivicConnect.Integration.Tests.Privacy;

/// <summary>A citizen's whole SMS report with an MMS photo, ending with its reference number.</summary>
internal static partial class SmsReports
{
    public static async Task<int> FileWithPhotoAsync(TwilioAppFactory app, TwilioWebhook twilio, string written, string e164, string description)
    {
        var mediaUrl = app.ServeMedia(TestImages.Photo("jpeg").Data, "image/jpeg");
        await twilio.SendOk(TwilioWebhook.Sms(written, description));
        await twilio.SendOk(TwilioWebhook.Mms(written, body: string.Empty, (mediaUrl, "image/jpeg")));
        foreach (var text in new[] { "17 Ave SW & 4 St SW", "yes", "1", "1", "1" })
        {
            await twilio.SendOk(TwilioWebhook.Sms(written, text));
        }

        await app.DrainOutboxAsync();
        var bodies = app.SentTo(e164).Select(m => m["Body"]).ToList();
        var confirmation = bodies.SingleOrDefault(b => b.Contains("Your report is #", StringComparison.Ordinal));
        Assert.True(confirmation is not null, string.Join("\n---\n", bodies));
        return int.Parse(ReferencePattern().Match(confirmation).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"#(\d+)")]
    private static partial Regex ReferencePattern();
}
