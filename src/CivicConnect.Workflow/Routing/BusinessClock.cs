using System.Globalization;

namespace CivicConnect.Workflow.Routing;

/// <summary>
/// Counts SLA hours in a department's working time: a 48 h SLA reported on Friday evening starts
/// on Monday morning and skips the weekend and holidays. Walks day by day in local time and converts
/// each working window back to UTC, so a daylight-saving change inside the window is counted right.
/// </summary>
public static class BusinessClock
{
    public static DateTimeOffset AddWorkingHours(DateTimeOffset start, double hours, BusinessHours? calendar, TimeZoneInfo cityZone)
    {
        if (calendar is null || hours <= 0)
        {
            return start + TimeSpan.FromHours(hours);
        }

        var zone = calendar.TimeZone is { Length: > 0 } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : cityZone;
        var open = TimeOnly.ParseExact(calendar.Open, "HH:mm", CultureInfo.InvariantCulture);
        var close = TimeOnly.ParseExact(calendar.Close, "HH:mm", CultureInfo.InvariantCulture);
        if (calendar.Days.Count == 0 || close <= open)
        {
            return start + TimeSpan.FromHours(hours);
        }

        var remaining = TimeSpan.FromHours(hours);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime);
        // A year of days is far more than any SLA needs; the bound keeps a bad calendar from looping.
        for (var i = 0; i < 366 * 2; i++, day = day.AddDays(1))
        {
            if (!calendar.Days.Contains(day.DayOfWeek) || calendar.Holidays.Contains(day))
            {
                continue;
            }

            var windowStart = ToUtc(day, open, zone);
            var windowEnd = ToUtc(day, close, zone);
            var from = start > windowStart ? start : windowStart;
            if (from >= windowEnd)
            {
                continue;
            }

            var available = windowEnd - from;
            if (remaining <= available)
            {
                return from + remaining;
            }

            remaining -= available;
        }

        return start + TimeSpan.FromHours(hours);
    }

    /// <summary>
    /// <paramref name="at"/> itself when it falls inside a working window; otherwise the start of
    /// the next one. Null when the calendar has no working time at all.
    /// </summary>
    public static DateTimeOffset? NextOpening(DateTimeOffset at, BusinessHours calendar, TimeZoneInfo cityZone)
    {
        var zone = calendar.TimeZone is { Length: > 0 } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : cityZone;
        var open = TimeOnly.ParseExact(calendar.Open, "HH:mm", CultureInfo.InvariantCulture);
        var close = TimeOnly.ParseExact(calendar.Close, "HH:mm", CultureInfo.InvariantCulture);
        if (calendar.Days.Count == 0 || close <= open)
        {
            return null;
        }

        // From the day before: a window of the previous local day may still be open in UTC terms.
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime).AddDays(-1);
        for (var i = 0; i < 366 * 2; i++, day = day.AddDays(1))
        {
            if (!calendar.Days.Contains(day.DayOfWeek) || calendar.Holidays.Contains(day))
            {
                continue;
            }

            var windowStart = ToUtc(day, open, zone);
            var windowEnd = ToUtc(day, close, zone);
            if (at < windowEnd)
            {
                return at > windowStart ? at : windowStart;
            }
        }

        return null;
    }

    private static DateTimeOffset ToUtc(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
