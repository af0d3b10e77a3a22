using CivicConnect.Conversation.Dialogs;
using CivicConnect.Core.Hosting;
using CivicConnect.Core.Messages;
using Microsoft.Extensions.Options;

namespace CivicConnect.Conversation.Engine;

/// <summary>
/// What a citizen is told when STOP (or START) is honoured on a channel whose provider does not
/// say it itself — Twilio confirms on SMS, Meta's WhatsApp Cloud API does not. The words live in
/// <c>dialogs/</c> like every other message.
/// </summary>
public sealed class OptOutNotices(IDialogCatalog dialogs, IOptions<CityOptions> city)
{
    private readonly TimeZoneInfo timeZone = TimeZoneInfo.FindSystemTimeZoneById(city.Value.TimeZone);

    public Reply Notice(bool optedOut, string? locale, string channel)
    {
        var phrases = new Phrasebook(dialogs.Current, locale ?? city.Value.DefaultLocale, channel, city.Value.Name, timeZone);
        return new Reply(phrases.Say(optedOut ? "opted_out" : "opted_in"), []);
    }
}
