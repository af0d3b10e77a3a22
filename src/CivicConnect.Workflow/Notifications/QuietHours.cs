using CivicConnect.Core.Hosting;
using Microsoft.Extensions.Options;

namespace CivicConnect.Workflow.Notifications;

/// <summary>Nobody wants a "your pothole was triaged" text at 2 a.m.: non-urgent notifications wait for the morning.</summary>
public sealed class QuietHours(IOptions<NotificationOptions> options, IOptions<CityOptions> city)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(city.Value.TimeZone);

    /// <summary>When a notification written at <paramref name="now"/> may go out; null means at once.</summary>
    public DateTimeOffset? HoldUntil(DateTimeOffset now)
    {
        var start = options.Value.QuietHoursStart;
        var end = options.Value.QuietHoursEnd;
        if (start == end)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var wrapsMidnight = start > end;
        var quiet = wrapsMidnight ? time >= start || time < end : time >= start && time < end;
        if (!quiet)
        {
            return null;
        }

        // The end is today when we are past midnight (or the window does not wrap), else tomorrow.
        var endDate = DateOnly.FromDateTime(local.DateTime);
        if (wrapsMidnight && time >= start)
        {
            endDate = endDate.AddDays(1);
        }

        var localEnd = endDate.ToDateTime(end);
        return new DateTimeOffset(localEnd, zone.GetUtcOffset(localEnd)).ToUniversalTime();
    }
}
