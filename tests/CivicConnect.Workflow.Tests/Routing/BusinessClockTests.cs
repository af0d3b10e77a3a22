using CivicConnect.Workflow.Routing;

namespace CivicConnect.Workflow.Tests.Routing;

public sealed class BusinessClockTests
{
    private static readonly TimeZoneInfo Calgary = TimeZoneInfo.FindSystemTimeZoneById("America/Edmonton");
    private static readonly BusinessHours OfficeHours = new() { Open = "08:00", Close = "17:00" };

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0) =>
        new(new DateTime(year, month, day, hour, minute, 0), Calgary.GetUtcOffset(new DateTime(year, month, day, hour, minute, 0)));

    [Fact]
    public void AddWorkingHours_FridayEvening48Hours_StartsMondayAndSkipsTheWeekend()
    {
        // 9 working hours a day: Mon–Fri give 45, the last 3 fall on the next Monday morning.
        var due = BusinessClock.AddWorkingHours(Local(2026, 11, 27, 18, 30), 48, OfficeHours, Calgary);

        Assert.Equal(Local(2026, 12, 7, 11, 0), due);
    }

    [Fact]
    public void AddWorkingHours_InsideTheDay_CountsFromNowAndCarriesOver()
    {
        Assert.Equal(Local(2026, 11, 25, 12, 0), BusinessClock.AddWorkingHours(Local(2026, 11, 25, 10, 0), 2, OfficeHours, Calgary));
        Assert.Equal(Local(2026, 11, 26, 9, 0), BusinessClock.AddWorkingHours(Local(2026, 11, 25, 16, 0), 2, OfficeHours, Calgary));
    }

    [Fact]
    public void AddWorkingHours_Holidays_AreSkipped()
    {
        var withHolidays = OfficeHours with { Holidays = [new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 28)] };

        // Thursday 24 Dec 16:00 + 4 h: 1 h that day, Friday 25 and Monday 28 are holidays, 3 h on Tuesday.
        Assert.Equal(Local(2026, 12, 29, 11, 0), BusinessClock.AddWorkingHours(Local(2026, 12, 24, 16, 0), 4, withHolidays, Calgary));
    }

    [Fact]
    public void AddWorkingHours_NoCalendar_CountsAroundTheClock()
    {
        var start = Local(2026, 11, 27, 18, 30);

        Assert.Equal(start.AddHours(48), BusinessClock.AddWorkingHours(start, 48, null, Calgary));
    }

    [Fact]
    public void AddWorkingHours_AcrossTheSpringChange_KeepsLocalOpeningHours()
    {
        // Clocks go forward on Sunday 8 March 2026; Monday opens at 08:00 MDT (-06:00).
        var due = BusinessClock.AddWorkingHours(Local(2026, 3, 6, 16, 0), 2, OfficeHours, Calgary);

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.FromHours(-6)), due);
    }
}
