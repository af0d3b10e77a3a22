using CivicConnect.Conversation.Ports;
using CivicConnect.Core.Hosting;
using CivicConnect.Workflow.Routing;
using Microsoft.Extensions.Options;

namespace CivicConnect.Workflow.HandOffs;

/// <summary>The agents' hours (<c>HandOff:Hours</c>) read with the same working-time calendar as SLA deadlines.</summary>
public sealed class HandOffHours(IOptionsMonitor<HandOffOptions> options, IOptions<CityOptions> city) : IHandOffHours
{
    private readonly TimeZoneInfo cityZone = TimeZoneInfo.FindSystemTimeZoneById(city.Value.TimeZone);

    public DateTimeOffset? NextOpening(DateTimeOffset now)
    {
        if (options.CurrentValue.Hours is not { } hours)
        {
            return null;
        }

        var calendar = new BusinessHours
        {
            TimeZone = hours.TimeZone,
            Days = hours.Days is { Count: > 0 } days ? days : new BusinessHours().Days,
            Open = hours.Open,
            Close = hours.Close,
            Holidays = hours.Holidays ?? [],
        };

        // A calendar with no working time answers "now": better to promise nothing than a wrong day.
        var opening = BusinessClock.NextOpening(now, calendar, cityZone);
        return opening is { } at && at > now ? at : null;
    }
}
