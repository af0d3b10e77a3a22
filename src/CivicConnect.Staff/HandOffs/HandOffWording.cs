using CivicConnect.Conversation.Dialogs;
using CivicConnect.Conversation.Engine;
using CivicConnect.Core.Hosting;
using Microsoft.Extensions.Options;

namespace CivicConnect.Staff.HandOffs;

/// <summary>
/// What the bot says to the citizen when an agent hands back or files their report: the dialog's
/// own wording (<c>dialogs/</c>), in the citizen's language and channel, never a literal here.
/// </summary>
public sealed class HandOffWording(IDialogCatalog dialogs, IOptions<CityOptions> city)
{
    private readonly TimeZoneInfo timeZone = TimeZoneInfo.FindSystemTimeZoneById(city.Value.TimeZone);

    public string Say(string locale, string channel, string key, params (string Name, object? Value)[] values) =>
        new Phrasebook(dialogs.Current, locale, channel, city.Value.Name, timeZone).Say(key, values);
}
