using System.Globalization;
using CivicConnect.Conversation.Activities;
using CivicConnect.Conversation.Dialogs;
using CivicConnect.Conversation.Ports;
using CivicConnect.Conversation.State;
using CivicConnect.Intelligence.Photos;

namespace CivicConnect.Conversation.Engine;

public sealed partial class DialogEngine
{
    /// <summary>Asks for the first thing the report still lacks, in the order <c>intake.json</c> gives.</summary>
    private async Task AdvanceAsync(Turn turn, CancellationToken cancellationToken)
    {
        var draft = turn.State.Draft;
        if (draft is null)
        {
            turn.Ask(Awaiting.Description, "ask_description");
            return;
        }

        foreach (var step in turn.Dialogs.Intake.Steps)
        {
            var asked = step.Id switch
            {
                StepIds.Description => AskDescription(turn, draft),
                StepIds.Category => await AskCategoryAsync(turn, draft, cancellationToken),
                StepIds.Location => AskLocation(turn, draft, step),
                StepIds.Duplicate => await AskDuplicateAsync(turn, draft, cancellationToken),
                StepIds.FollowUps => AskFollowUp(turn, draft, step),
                StepIds.Contact => AskContact(turn, draft),
                StepIds.Confirm => await AskConfirmAsync(turn, draft, cancellationToken),
                _ => false,
            };
            if (asked)
            {
                return;
            }
        }

        // A definition without a confirm step submits as soon as everything is there.
        await SubmitAsync(turn, cancellationToken);
    }

    private static bool AskDescription(Turn turn, IntakeDraft draft)
    {
        if (draft.Description is not null || draft.Photos.Count > 0)
        {
            return false;
        }

        turn.Ask(Awaiting.Description, "ask_description");
        return true;
    }

    private async Task<bool> AskCategoryAsync(Turn turn, IntakeDraft draft, CancellationToken cancellationToken)
    {
        if (draft.CategoryCode is not null)
        {
            return false;
        }

        var active = await categories.GetActiveAsync(cancellationToken);
        var locale = turn.Phrases.Locale;
        var candidates = draft.CategoryCandidates.Select(code => active.FirstOrDefault(c => c.Code == code)).OfType<Intelligence.Categories.CategoryInfo>().Take(3).ToList();
        if (candidates.Count > 0)
        {
            var choices = candidates.Select(c => new Choice(c.Code, c.Name.For(locale))).Append(turn.Phrases.Choice(SomethingElse, "something_else")).ToList();
            turn.Ask(Awaiting.Category, "ask_category", choices);
        }
        else
        {
            turn.Ask(Awaiting.Category, "ask_category_all", active.Select(c => new Choice(c.Code, c.Name.For(locale))).ToList());
        }

        return true;
    }

    private static bool AskLocation(Turn turn, IntakeDraft draft, StepDefinition step)
    {
        if (draft.Place is not null)
        {
            return false;
        }

        if (draft.PlaceOptions.Count > 0)
        {
            var choices = draft.PlaceOptions.Select((p, i) => new Choice(i.ToString(CultureInfo.InvariantCulture), $"{p.Label} ({p.WardName})")).ToList();
            turn.Ask(Awaiting.LocationPick, "pick_location", choices);
            return true;
        }

        if (draft.PendingPlace is { } pending)
        {
            if (!step.Confirm && pending.Source is LocationSource.Address)
            {
                draft.Place = pending;
                draft.PendingPlace = null;
                return false;
            }

            var key = pending.Source is LocationSource.Address ? "confirm_location" : "confirm_pin";
            turn.Ask(Awaiting.LocationConfirm, key, YesNo(turn), values: [("place", pending.Label), ("ward", pending.WardCode)]);
            return true;
        }

        turn.Ask(Awaiting.Location, "ask_location");
        return true;
    }

    private async Task<bool> AskDuplicateAsync(Turn turn, IntakeDraft draft, CancellationToken cancellationToken)
    {
        if (draft.DuplicateChecked || draft.Place is null || draft.CategoryCode is null)
        {
            return false;
        }

        if (draft.DuplicateIssueId is null && await SamePhotoAsync(draft, cancellationToken) is { } samePhoto)
        {
            draft.DuplicateIssueId = samePhoto.IssueId;
            draft.DuplicateReference = samePhoto.ReferenceNumber;
            turn.Ask(
                Awaiting.Duplicate,
                "duplicate_same_photo",
                [turn.Phrases.Choice("join", "duplicate_join"), turn.Phrases.Choice("new", "duplicate_new")],
                values: [("reference", samePhoto.ReferenceNumber)]);
            return true;
        }

        if (draft.DuplicateIssueId is null)
        {
            var match = await duplicates.FindAsync(draft.CategoryCode, draft.Place.Latitude, draft.Place.Longitude, draft.Description, cancellationToken);
            if (match is null)
            {
                draft.DuplicateChecked = true;
                return false;
            }

            draft.DuplicateIssueId = match.IssueId;
            draft.DuplicateReference = match.ReferenceNumber;
            turn.Ask(
                Awaiting.Duplicate,
                "duplicate_found",
                [turn.Phrases.Choice("join", "duplicate_join"), turn.Phrases.Choice("new", "duplicate_new")],
                values: [("reference", match.ReferenceNumber), ("date", turn.Phrases.Date(match.ReportedAt)), ("distance", Math.Round(match.DistanceMeters)), ("description", Shorten(match.Description))]);
            return true;
        }

        turn.Ask(Awaiting.Duplicate, "duplicate_found", [turn.Phrases.Choice("join", "duplicate_join"), turn.Phrases.Choice("new", "duplicate_new")], values: [("reference", draft.DuplicateReference)]);
        return true;
    }

    /// <summary>
    /// A photo already attached to another open issue is the strongest sign of the same problem
    /// (or the same picture sent again), wherever the pin fell; it is offered before nearby reports.
    /// </summary>
    private async Task<SamePhotoMatch?> SamePhotoAsync(IntakeDraft draft, CancellationToken cancellationToken)
    {
        var paths = draft.Photos.Select(p => p.StoredPath).OfType<string>().ToList();
        return paths.Count == 0 ? null : await samePhotos.FindAsync(paths, excludeIssueId: null, cancellationToken);
    }

    private static bool AskFollowUp(Turn turn, IntakeDraft draft, StepDefinition step)
    {
        var next = turn.Dialogs.FollowUpsFor(draft.CategoryCode)
            .FirstOrDefault(a => !draft.Attributes.ContainsKey(a.Code) && !draft.SkippedAttributes.Contains(a.Code));
        if (next is null)
        {
            return false;
        }

        var locale = turn.Phrases.Locale;
        var choices = next.Values?.Select(v => new Choice(v.Key, v.Name.TryGetValue(locale, out var name) ? name : v.Name.Values.First())).ToList() ?? [];
        if (!next.Required || !step.Required)
        {
            choices.Add(turn.Phrases.Choice("__skip__", "skip"));
        }

        var question = next.Description.TryGetValue(locale, out var text) ? text : next.Description.Values.First();
        turn.Ask(Awaiting.FollowUpPrefix + next.Code, "followup_question", choices, values: ("question", question));
        return true;
    }

    private static bool AskContact(Turn turn, IntakeDraft draft)
    {
        if (draft.WantsUpdates is not null)
        {
            return false;
        }

        turn.Ask(Awaiting.Contact, "ask_contact", [turn.Phrases.Choice("updates", "contact_updates"), turn.Phrases.Choice("anonymous", "contact_anonymous")]);
        return true;
    }

    private async Task<bool> AskConfirmAsync(Turn turn, IntakeDraft draft, CancellationToken cancellationToken)
    {
        var phrases = turn.Phrases;
        var category = draft.CategoryCode is null ? null : await categories.FindAsync(draft.CategoryCode, cancellationToken);
        var lines = new List<string>
        {
            phrases.Say("summary_problem", ("description", Shorten(draft.Description ?? "📷"))),
            phrases.Say("summary_category", ("category", category?.Name.For(phrases.Locale) ?? draft.CategoryCode)),
        };
        if (draft.Place is { } place)
        {
            lines.Add(phrases.Say("summary_location", ("place", place.Label), ("ward", place.WardCode)));
        }

        if (draft.Photos.Count > 0)
        {
            lines.Add(phrases.Say("summary_photos", ("count", draft.Photos.Count)));
        }

        var details = DescribeAttributes(turn, draft);
        if (details.Length > 0)
        {
            lines.Add(phrases.Say("summary_details", ("details", details)));
        }

        if (draft.WantsUpdates is { } updates)
        {
            lines.Add(phrases.Say("summary_updates", ("contact", phrases.Say(updates ? "contact_updates" : "contact_anonymous"))));
        }

        var image = draft.Photos.FirstOrDefault()?.StoredPath is { } stored ? "/media/" + stored.Replace('\\', '/') : draft.Photos.FirstOrDefault()?.Url;
        var card = new ReplyCard(phrases.Say("summary_title"), lines, image);
        turn.Ask(Awaiting.Confirm, "ask_confirm", [phrases.Choice("send", "confirm_send"), phrases.Choice("change", "confirm_change"), phrases.Choice("discard", "confirm_discard")], card);
        return true;
    }

    private static string DescribeAttributes(Turn turn, IntakeDraft draft)
    {
        var locale = turn.Phrases.Locale;
        var parts = new List<string>();
        foreach (var attribute in turn.Dialogs.FollowUpsFor(draft.CategoryCode))
        {
            if (draft.Attributes.TryGetValue(attribute.Code, out var value))
            {
                var shown = attribute.Values?.FirstOrDefault(v => v.Key == value) is { } known
                    ? known.Name.TryGetValue(locale, out var name) ? name : value
                    : value;
                parts.Add(shown);
            }
        }

        return string.Join("; ", parts);
    }

    private async Task SubmitAsync(Turn turn, CancellationToken cancellationToken)
    {
        var draft = turn.Draft;
        if (draft.Place is null)
        {
            turn.Ask(Awaiting.Location, "ask_location");
            return;
        }

        var wantsUpdates = draft.WantsUpdates ?? true;
        var submission = new IssueSubmission(
            turn.Context.ConversationId,
            turn.Activity.Channel,
            turn.Phrases.Locale,
            draft.Description ?? string.Empty,
            draft.CategoryCode ?? "other",
            draft.Priority,
            draft.Place,
            draft.Attributes,
            draft.Photos,
            wantsUpdates);
        var issue = await intake.SubmitAsync(submission, cancellationToken);
        turn.State.References.Add(issue.ReferenceNumber);
        turn.Say(wantsUpdates ? "submitted" : "submitted_anonymous", ("reference", issue.ReferenceNumber), ("department", issue.DepartmentName));
        if (draft.Priority is Data.Entities.Priority.Urgent)
        {
            turn.Say("urgent_note");
        }

        ClearDraft(turn);
    }

    private static List<Choice> YesNo(Turn turn) => [turn.Phrases.Choice("yes", "yes"), turn.Phrases.Choice("no", "no")];

    private static List<Choice> ChangeChoices(Turn turn) =>
    [
        turn.Phrases.Choice("description", "change_description"),
        turn.Phrases.Choice("category", "change_category"),
        turn.Phrases.Choice("location", "change_location"),
    ];
}
