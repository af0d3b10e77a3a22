using System.Net;
using System.Net.Http.Json;
using CivicConnect.Core.Security;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Integration.Tests.Twilio;
using CivicConnect.Server.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.Privacy;

/// <summary>
/// Erasure on request: a citizen who reported a pothole by SMS with a photo asks to be forgotten.
/// Their number, messages, conversation and photo go; the report's public facts stay.
/// </summary>
public sealed class ErasureTests(TwilioAppFactory app) : IClassFixture<TwilioAppFactory>
{
    private readonly TwilioWebhook twilio = new(app);

    [Fact]
    public async Task ErasureByPhone_RemovesContactMessagesStateAndPhotos_KeepsTheReportsPublicFacts()
    {
        var (written, e164) = TwilioAppFactory.NewCitizen();
        var reference = await SmsReports.FileWithPhotoAsync(app, twilio, written, e164, "There is a big pothole, call me at 403 555 0199");
        await using (var before = app.CreateDbContext())
        {
            var photo = await before.Issues.AsNoTracking().Where(i => i.ReferenceNumber == reference).SelectMany(i => i.Media).SingleAsync();
            Assert.True(File.Exists(Path.Combine(app.MediaRoot, photo.StoredPath)));
        }

        var filesBefore = app.MediaFileCount();
        var supervisor = app.CreateClientAs(CivicRoles.Supervisor, name: "Dana Supervisor");
        var response = await supervisor.PostAsJsonAsync("/admin/erasures", new { phone = written });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<ErasureResult>())!;
        Assert.Equal(1, result.Conversations);
        Assert.Equal(1, result.Reports);
        Assert.Equal(1, result.Photos);
        Assert.True(result.Messages >= 14, $"messages removed: {result.Messages}");

        await using var db = app.CreateDbContext();
        var issue = await db.Issues.AsNoTracking().Include(i => i.Category).Include(i => i.Media).Include(i => i.Events).SingleAsync(i => i.ReferenceNumber == reference);
        Assert.Equal("pothole", issue.Category!.Code);
        Assert.NotNull(issue.Location);
        Assert.NotNull(issue.WardId);
        Assert.Null(issue.ReporterPhone);
        Assert.Null(issue.ReporterConversationId);
        Assert.DoesNotContain("555", issue.Description, StringComparison.Ordinal);
        Assert.Contains("pothole", issue.Description, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(issue.Media);
        Assert.Contains(issue.Events, e => e.Kind == IssueEventKinds.Erasure && e.Actor == "Dana Supervisor" && !e.IsPublic);

        Assert.False(await db.InboxMessages.AnyAsync(m => m.Address == e164));
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Address == e164));
        Assert.False(await db.Conversations.AnyAsync(c => c.Address == e164));
        Assert.Equal(filesBefore - 2, app.MediaFileCount()); // the photo and its thumbnail

        var audit = await db.Erasures.AsNoTracking().OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal("phone", audit.SubjectKind);
        Assert.Equal("Dana Supervisor", audit.Actor);
        Assert.DoesNotContain(e164.TrimStart('+'), audit.SubjectHash, StringComparison.Ordinal);
        Assert.Equal(new ErasureSubject(ErasureSubjectKind.Phone, e164).Hash(e164), audit.SubjectHash);

        // Writing again starts afresh: a new conversation that is answered.
        await twilio.SendOk(TwilioWebhook.Sms(written, "hi"));
        await app.DrainOutboxAsync();
        var again = await db.Conversations.AsNoTracking().SingleAsync(c => c.Address == e164);
        Assert.False(again.OptedOut);
    }

    [Fact]
    public async Task Erasure_IsForSupervisorsOnly_NeedsExactlyOneSubject_AndSaysWhenNothingMatches()
    {
        var staff = app.CreateClientAs(CivicRoles.Staff, "ROADS");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/admin/erasures", new { report = "1" })).StatusCode);

        var supervisor = app.CreateClientAs(CivicRoles.Supervisor);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync("/admin/erasures", new { phone = "4035550100", report = "1" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync("/admin/erasures", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync("/admin/erasures", new { phone = "not a number" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.PostAsJsonAsync("/admin/erasures", new { report = "99999999" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.PostAsJsonAsync("/admin/erasures", new { phone = "+1 403 555 0100" })).StatusCode);
    }
}
