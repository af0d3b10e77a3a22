using CivicConnect.Conversation.Activities;
using CivicConnect.Conversation.Dialogs;
using CivicConnect.Conversation.State;
using CivicConnect.Geo.Locating;
using CivicConnect.Intelligence.Classification;

namespace CivicConnect.Conversation.Engine;

public sealed partial class DialogEngine
{
    /// <summary>Photos and shared points are taken at any step; returns true when the message gave something.</summary>
    private async Task<bool> AbsorbAttachmentsAsync(Turn turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var contributed = false;
        if (activity.MediaProblem is { } problem)
        {
            turn.Say(problem switch
            {
                MediaProblem.NotAnImage => "media_not_image",
                MediaProblem.TooLarge => "media_too_large",
                _ => "media_unavailable",
            });
        }

        var images = activity.Attachments.Where(a => a.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase)).ToList();
        if (images.Count > 0)
        {
            var draft = turn.Draft;
            draft.Photos.AddRange(images.Select(a => new DraftPhoto(a.ContentType, a.StoredPath, a.Url, a.ThumbnailPath, a.SizeBytes)));
            turn.Say("photo_received");
            contributed = true;
        }

        // A pin is the strongest evidence of where; the GPS in a photo comes next. Both are offered, never assumed.
        var point = activity.Location ?? PhotoLocation(turn, images);
        if (point is not null && turn.Draft.Place is null)
        {
            await OfferPointAsync(turn, point, cancellationToken);
            contributed = true;
        }

        return contributed;
    }

    /// <summary>
    /// The first photo position that is current. A fix older than the intake's limit, or dated
    /// in the future (a camera clock gone wrong), is set aside and the citizen is told why.
    /// </summary>
    private static GeoLocation? PhotoLocation(Turn turn, IEnumerable<ActivityAttachment> images)
    {
        var maxAge = TimeSpan.FromDays(turn.Dialogs.Intake.PhotoLocationMaxAgeDays);
        foreach (var location in images.Select(a => a.EmbeddedLocation).OfType<GeoLocation>())
        {
            if (location.CapturedAt is not { } taken || (taken <= turn.Now.AddDays(1) && turn.Now - taken <= maxAge))
            {
                return location;
            }

            if (turn.Draft.Place is null)
            {
                turn.Say("photo_location_stale", ("date", turn.Phrases.Date(taken)));
            }
        }

        return null;
    }

    private async Task OfferPointAsync(Turn turn, GeoLocation point, CancellationToken cancellationToken)
    {
        var match = await locator.DescribePointAsync(point.Latitude, point.Longitude, cancellationToken);
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

    /// <summary>The first words of a report: description, category, urgency, place words, follow-up answers.</summary>
    private async Task AbsorbDescriptionAsync(Turn turn, CancellationToken cancellationToken)
    {
        var draft = turn.Draft;
        draft.Description = draft.Description is null ? turn.Text : $"{draft.Description} {turn.Text}";
        if (draft.Description.Length > 2000)
        {
            draft.Description = draft.Description[..2000];
        }

        var result = await classifier.ClassifyAsync(new ClassificationInput(draft.Description, turn.Phrases.Locale, draft.Photos.Select(p => p.StoredPath ?? string.Empty).ToList()), cancellationToken);
        draft.Priority = result.Priority;
        draft.CategoryCandidates = result.Candidates.Select(c => c.Code).Take(3).ToList();
        if (draft.CategoryCode is null && result.CategoryCode is not null && result.Confidence >= turn.Dialogs.Intake.CategoryConfidence)
        {
            await AcceptCategoryAsync(turn, result.CategoryCode, cancellationToken);
        }

        if (result.LocationText is { } where && draft.Place is null && draft.PendingPlace is null)
        {
            draft.LocationText = where;
            await LookUpPlaceTextAsync(turn, where, announceMiss: true, cancellationToken);
        }
    }

    private async Task AcceptCategoryAsync(Turn turn, string code, CancellationToken cancellationToken)
    {
        var draft = turn.Draft;
        draft.CategoryCode = code;
        var category = await categories.FindAsync(code, cancellationToken);
        turn.Say("category_detected", ("category", category?.Name.For(turn.Phrases.Locale) ?? code));
        if (draft.Priority is null && category is not null)
        {
            draft.Priority = category.DefaultPriority;
        }

        ExtractFollowUpAnswers(turn, draft.Description ?? string.Empty);
    }

    /// <summary>Typed place words → one match to confirm, several to choose from, or none (say so, ask again).</summary>
    private async Task<bool> LookUpPlaceTextAsync(Turn turn, string words, bool announceMiss, CancellationToken cancellationToken)
    {
        var draft = turn.Draft;
        var matches = await locator.FindAsync(words, cancellationToken);
        if (matches.Count == 0)
        {
            if (announceMiss)
            {
                turn.Say("location_text_not_found", ("place", Shorten(words)));
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
        if (inside.Count == 1)
        {
            draft.PendingPlace = ToDraftPlace(inside[0], LocationSource.Address);
        }
        else
        {
            draft.PendingPlace = null;
            draft.PlaceOptions.AddRange(inside.Take(3).Select(m => ToDraftPlace(m, LocationSource.Address)));
        }

        return true;
    }

    /// <summary>One message can answer several follow-up questions: "huge, right in the traffic lane".</summary>
    private static void ExtractFollowUpAnswers(Turn turn, string text)
    {
        var draft = turn.Draft;
        var normalized = TextNormalizer.Normalize(text);
        foreach (var attribute in turn.Dialogs.FollowUpsFor(draft.CategoryCode))
        {
            if (draft.Attributes.ContainsKey(attribute.Code) || attribute.Values is null || attribute.Datatype is not AttributeDatatype.SingleValueList)
            {
                continue;
            }

            var value = attribute.Values.FirstOrDefault(v => v.Keywords?.Values.SelectMany(k => k).Any(k => TextNormalizer.ContainsPhrase(normalized, k)) == true);
            if (value is not null)
            {
                draft.Attributes[attribute.Code] = value.Key;
            }
        }
    }

    /// <summary>No issue is created outside city limits; the citizen is told who handles it when that is known.</summary>
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

    private static DraftPlace ToDraftPlace(PlaceMatch match, LocationSource source) =>
        new(match.Label, match.Latitude, match.Longitude, match.Ward?.Id, match.Ward?.Code, match.Ward?.Name, source);
}
