using CivicConnect.Conversation.Activities;
using CivicConnect.Conversation.Ports;
using CivicConnect.Conversation.State;

namespace CivicConnect.Conversation.Engine;

/// <summary>
/// Points and place words → a place to confirm, several to choose from, or none. No issue is
/// created outside city limits; the citizen is told who handles it when that is known.
/// </summary>
public sealed class PlaceLookup(IPlaceFinder places)
{
    /// <summary>A pin, app GPS or photo GPS: described and offered for confirmation, never assumed.</summary>
    public async Task OfferPointAsync(Turn turn, GeoLocation point, CancellationToken cancellationToken)
    {
        var match = await places.DescribePointAsync(point.Latitude, point.Longitude, cancellationToken);
        var draft = turn.Draft;
        draft.PlaceOptions.Clear();
        if (match.Ward is null)
        {
            draft.PendingPlace = null;
            SayOutsideCity(turn, match.Municipality);
            return;
        }

        draft.PendingPlace = ToDraftPlace(match, point.Source);
    }

    /// <summary>Typed place words → one match to confirm, several to choose from, or none (false; said when <paramref name="announceMiss"/>).</summary>
    public async Task<bool> LookUpTextAsync(Turn turn, string words, bool announceMiss, CancellationToken cancellationToken)
    {
        var draft = turn.Draft;
        var near = draft.Area is { } area ? new PlaceNear(area.Latitude, area.Longitude) : null;
        var matches = await places.FindAsync(words, near, cancellationToken);
        if (matches.Count == 0)
        {
            if (announceMiss)
            {
                turn.Say("location_text_not_found", ("place", Excerpt.Shorten(words)));
            }

            return false;
        }

        var inside = matches.Where(m => m.Ward is not null).ToList();
        if (inside.Count == 0)
        {
            SayOutsideCity(turn, matches.Select(m => m.Municipality).FirstOrDefault(m => m is not null));
            return true;
        }

        draft.PlaceOptions.Clear();
        if (inside.Count == 1 && inside[0].Coarse)
        {
            // A community: remembered to narrow the next answer, never filed at its centre.
            draft.PendingPlace = null;
            draft.Area = ToDraftPlace(inside[0], LocationSource.Address);
            return true;
        }

        if (inside.Count == 1)
        {
            draft.PendingPlace = ToDraftPlace(inside[0], LocationSource.Address);
        }
        else
        {
            draft.PendingPlace = null;
            draft.PlaceOptions.AddRange(inside.Where(m => !m.Coarse).Take(3).Select(m => ToDraftPlace(m, LocationSource.Address)));
        }

        return true;
    }

    private static void SayOutsideCity(Turn turn, string? municipality)
    {
        if (municipality is null)
        {
            turn.Say("outside_city");
        }
        else
        {
            turn.Say("outside_city_known", ("municipality", municipality));
        }
    }

    private static DraftPlace ToDraftPlace(PlaceCandidate match, LocationSource source) =>
        new(match.Label, match.Latitude, match.Longitude, match.Ward?.Id, match.Ward?.Code, match.Ward?.Name, source);
}
