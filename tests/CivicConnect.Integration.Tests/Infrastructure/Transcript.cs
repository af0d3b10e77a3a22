using CivicConnect.Core.Messages;
using CivicConnect.Messaging.Inbox;
using CivicConnect.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.Infrastructure;

/// <summary>
/// A conversation with the real engine through the real inbox, turn processor and outbox:
/// <c>await t.Send("pothole on 17 ave sw"); t.AssertReply("Pothole");</c>. Replies are read
/// from the outbox rows the turn committed, exactly what a channel sender would deliver.
/// </summary>
public sealed class Transcript(CivicAppFactory app, string channel = ChannelIds.DirectLine, string? address = null, string? locale = null)
{
    private long lastOutboxId;
    private int sequence;

    public string Address { get; } = address ?? (channel == ChannelIds.Sms ? "+1403555" + Random.Shared.Next(1000, 9999) : Guid.NewGuid().ToString("N"));

    public IReadOnlyList<Reply> Replies { get; private set; } = [];

    /// <summary>All reply text of the last turn, joined (cards included), for assertions.</summary>
    public string LastText => string.Join("\n", Replies.Select(r => r.Text + (r.Card is null ? string.Empty : "\n" + r.Card.Title + "\n" + string.Join("\n", r.Card.Lines))));

    public string? Locale { get; set; } = locale;

    public Task<Transcript> Send(string text) => Send(new Activity(NextId(), channel, Address, text, [], null, Locale, app.Clock.GetUtcNow()));

    public Task<Transcript> SendLocation(double latitude, double longitude) =>
        Send(new Activity(NextId(), channel, Address, null, [], new GeoLocation(latitude, longitude), Locale, app.Clock.GetUtcNow()));

    public Task<Transcript> SendPhoto(string storedPath, GeoLocation? exif = null) =>
        Send(new Activity(NextId(), channel, Address, null, [new ActivityAttachment("image/jpeg", StoredPath: storedPath, SizeBytes: 1234, EmbeddedLocation: exif)], null, Locale, app.Clock.GetUtcNow()));

    public async Task<Transcript> Send(Activity activity)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IInbound>().AcceptAsync(activity, CancellationToken.None);
        await using var db = app.CreateDbContext();
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Channel == channel && m.Address == Address && m.Id > lastOutboxId)
            .OrderBy(m => m.Id)
            .ToListAsync();
        if (rows.Count > 0)
        {
            lastOutboxId = rows[^1].Id;
        }

        Replies = rows.Select(r => OutboxPayload.Read(r.Payload).Reply).ToList();
        return this;
    }

    public Transcript AssertReply(string expected)
    {
        Assert.True(LastText.Contains(expected, StringComparison.OrdinalIgnoreCase), $"Expected a reply containing \"{expected}\" but the bot said:\n{LastText}");
        return this;
    }

    public Transcript AssertNoReply(string unexpected)
    {
        Assert.False(LastText.Contains(unexpected, StringComparison.OrdinalIgnoreCase), $"Did not expect \"{unexpected}\" but the bot said:\n{LastText}");
        return this;
    }

    public Transcript AssertChoices(params string[] titles)
    {
        var offered = (Replies.Count == 0 ? null : Replies[^1])?.Choices.Select(c => c.Title).ToList() ?? [];
        foreach (var title in titles)
        {
            Assert.True(offered.Any(o => o.Contains(title, StringComparison.OrdinalIgnoreCase)), $"Expected a choice \"{title}\"; offered: {string.Join(" | ", offered)}");
        }

        return this;
    }

    /// <summary>The reference number from the last reply ("#1042", "numéro 1042").</summary>
    public int ReferenceNumber()
    {
        var match = System.Text.RegularExpressions.Regex.Match(LastText, @"(?:#|num[ée]ro |no )(\d{4,})");
        Assert.True(match.Success, $"No reference number in:\n{LastText}");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private string NextId() => $"{Address}-{++sequence}-{Guid.NewGuid():N}";
}
