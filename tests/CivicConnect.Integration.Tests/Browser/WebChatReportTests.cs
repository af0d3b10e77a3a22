using System.Text.RegularExpressions;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CivicConnect.Integration.Tests.Browser;

/// <summary>
/// A citizen reports a pothole end to end in the web chat: words, a photo, the shared location,
/// the bot's questions answered with its buttons, and the reference number at the end. The
/// wording is the dialog engine's (dialogs/en.json, dialogs/fr.json).
/// </summary>
public sealed class WebChatReportTests(WebChatFixture app) : IClassFixture<WebChatFixture>
{
    /// <summary>17 Ave SW &amp; 4 St SW, Calgary.</summary>
    private static readonly Geolocation SeventeenthAveAtFourthSt = new() { Latitude = 51.0379f, Longitude = -114.0720f };

    /// <summary>Stephen Avenue (8 Ave SW &amp; 2 St SW): far enough from the other report not to be its duplicate.</summary>
    private static readonly Geolocation StephenAvenue = new() { Latitude = 51.0459f, Longitude = -114.0665f };

    [Fact]
    public async Task ReportPothole_WithPhotoAndSharedLocation_RepliesWithReferenceNumber()
    {
        await using var chat = await app.OpenAsync(geolocation: SeventeenthAveAtFourthSt);

        await chat.SendTextAsync("There's a pothole");
        await chat.WaitForBotReplyAsync(new Regex("Got it: Pothole"));
        await chat.WaitForBotReplyAsync(new Regex("Where is it\\?"));

        await chat.UploadPhotoAsync(SyntheticPhotos.Pothole(91));
        await chat.WaitForBotReplyAsync(new Regex("Thanks for the photo"));

        await chat.ShareLocationAsync();
        await Expect(chat.Status).ToHaveTextAsync("Your location was sent.");
        await Expect(chat.UserMessages.Last).ToContainTextAsync("My location: 51.03790, -114.07200", new() { Timeout = WebChatPage.StepTimeoutMs });
        await chat.WaitForBotReplyAsync(new Regex(@"at the location you shared, near 17 Ave SW & 4 St SW \(Ward \d+\)\?"));
        await chat.ClickChoiceAsync("Yes");

        await chat.WaitForBotReplyAsync(new Regex("Is it in a traffic lane\\?"));
        await chat.ClickChoiceAsync("Yes, in a traffic lane");
        await chat.WaitForBotReplyAsync(new Regex("About how big is it\\?"));
        await chat.ClickChoiceAsync("Bigger than a tire");
        await chat.WaitForBotReplyAsync(new Regex("Would you like updates"));
        await chat.ClickChoiceAsync("Yes, send me updates");

        await chat.WaitForBotReplyAsync(new Regex("Send this report\\?"));
        var summary = await chat.WaitForBotReplyAsync(new Regex("Your report"));
        Assert.Contains("Category: Pothole", summary, StringComparison.Ordinal);
        Assert.Contains("Photos: 1", summary, StringComparison.Ordinal);
        await chat.ClickChoiceAsync("Send it");

        var done = await chat.WaitForBotReplyAsync(new Regex(@"Your report is #\d+"));
        var issue = await IssueAsync(done);
        Assert.Equal("pothole", issue.Category!.Code);
        Assert.Equal("en", issue.Locale);
        Assert.Single(issue.Media);
        Assert.Equal(51.0379, issue.Location!.Y, 3);
        Assert.Equal(-114.0720, issue.Location.X, 3);

        // "Thanks" right after the reference is a goodbye, not a new report with its category buttons.
        await chat.SendTextAsync("thanks");
        await chat.WaitForBotReplyAsync(new Regex($"We'll keep you posted on #{issue.ReferenceNumber}"));
        await Expect(chat.SuggestedActions).ToHaveCountAsync(0);
        Assert.Empty(chat.Problems);
    }

    [Fact]
    public async Task ReportPothole_InFrench_RepliesWithReferenceNumberInFrench()
    {
        await using var chat = await app.OpenAsync(geolocation: StephenAvenue);
        await chat.LanguageSelect.SelectOptionAsync("fr");

        await chat.SendTextAsync("Il y a un nid-de-poule");
        await chat.WaitForBotReplyAsync(new Regex("Compris : Nid-de-poule"));
        await chat.WaitForBotReplyAsync(new Regex("Où est-ce\\?"));

        // A different pothole: the same picture as the other test would be offered as its report.
        await chat.UploadPhotoAsync(SyntheticPhotos.Pothole(92), "nid-de-poule.jpg");
        await chat.WaitForBotReplyAsync(new Regex("Merci pour la photo"));

        await chat.ShareLocationAsync();
        await Expect(chat.Status).ToHaveTextAsync("Votre position a été envoyée.");
        await chat.WaitForBotReplyAsync(new Regex(@"à la position partagée, près de .+ \(quartier électoral \d+\)\?"));
        await chat.ClickChoiceAsync("Oui");

        await chat.WaitForBotReplyAsync(new Regex("Est-il dans une voie de circulation\\?"));
        await chat.ClickChoiceAsync("Oui, dans une voie");
        await chat.WaitForBotReplyAsync(new Regex("Quelle taille environ\\?"));
        await chat.ClickChoiceAsync("Passer");
        await chat.WaitForBotReplyAsync(new Regex("Voulez-vous recevoir des nouvelles"));
        await chat.ClickChoiceAsync("Non, rester anonyme");

        await chat.WaitForBotReplyAsync(new Regex("Envoyer ce signalement\\?"));
        await chat.ClickChoiceAsync("Envoyer");

        var done = await chat.WaitForBotReplyAsync(new Regex(@"Votre signalement porte le numéro \d+"));
        var issue = await IssueAsync(done);
        Assert.Equal("pothole", issue.Category!.Code);
        Assert.Equal("fr", issue.Locale);
        Assert.Single(issue.Media);
        Assert.Empty(chat.Problems);
    }

    /// <summary>The issue whose reference number the bot gave.</summary>
    private async Task<Issue> IssueAsync(string reply)
    {
        var reference = int.Parse(Regex.Match(reply, @"(?:#|numéro )(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await using var db = app.CreateDbContext();
        return await db.Issues.AsNoTracking().Include(i => i.Category).Include(i => i.Media).SingleAsync(i => i.ReferenceNumber == reference);
    }
}
