using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Integration.Tests.Twilio;

namespace CivicConnect.Integration.Tests.HandOffs;

/// <summary>A Saturday evening in the city (agents work Monday to Friday, 08:00–17:00 by default).</summary>
public sealed class WeekendAppFactory : TwilioAppFactory
{
    public WeekendAppFactory() => Clock.SetUtcNow(new DateTimeOffset(2026, 11, 28, 20, 0, 0, TimeSpan.Zero));
}

public sealed class HandOffHoursTests(WeekendAppFactory app) : IClassFixture<WeekendAppFactory>
{
    [Fact]
    public async Task OutsideAgentHours_TheCitizenIsToldWhenSomeoneWillAnswer_InTheirLanguage()
    {
        var t = new Transcript(app, channel: "sms");
        await t.Send("There is a pothole on 17 Ave SW at 4 St SW");
        (await t.Send("agent")).AssertReply("the 311 team is away right now").AssertReply("from Monday, Nov 30 at 8:00 AM").AssertNoReply("shortly");

        var f = new Transcript(app, channel: "sms", locale: "fr");
        (await f.Send("agent")).AssertReply("l'équipe du 311 est absente").AssertReply("à partir du lundi 30 novembre à 8 h 00");
    }
}
