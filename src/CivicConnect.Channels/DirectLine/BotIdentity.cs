using CivicConnect.Core.Hosting;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.DirectLine;

/// <summary>How the bot appears in Direct Line activities: a fixed id, and the city's name as its display name.</summary>
public sealed class BotIdentity(IOptions<CityOptions> city)
{
    public const string Id = "civicconnect";

    public string Name => city.Value.Name;
}
