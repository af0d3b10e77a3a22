using CivicConnect.Conversation.Activities;
using CivicConnect.Conversation.State;

namespace CivicConnect.Conversation.Engine;

/// <summary>Photos and shared points are taken at any step, whatever question is pending.</summary>
public sealed class AttachmentReader(PlaceLookup places)
{
    /// <summary>Returns true when the message gave something (a photo, a point).</summary>
    public async Task<bool> AbsorbAsync(Turn turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var contributed = false;
        if (activity.MediaProblem is { } problem)
        {
            turn.Say(problem switch
            {
                MediaProblem.NotAnImage => "media_not_image",
                MediaProblem.TooLarge => "media_too_large",
                MediaProblem.TooManyPixels => "media_too_many_pixels",
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
            await places.OfferPointAsync(turn, point, cancellationToken);
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
}
