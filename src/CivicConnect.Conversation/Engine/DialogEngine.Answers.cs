using System.Globalization;
using System.Text.RegularExpressions;
using CivicConnect.Conversation.Dialogs;
using CivicConnect.Conversation.State;

namespace CivicConnect.Conversation.Engine;

public sealed partial class DialogEngine
{
    private const string SomethingElse = "__something_else__";

    /// <summary>Reads the text as an answer to the pending question, or as the start of a report.</summary>
    private async Task<Outcome> HandleTextAsync(Turn turn, bool contributed, CancellationToken cancellationToken)
    {
        var state = turn.State;
        if (turn.Text.Length == 0)
        {
            return Outcome.Continue;
        }

        if (state.Awaiting is null or Awaiting.Description || state.Draft?.Description is null && state.Awaiting is Awaiting.Location)
        {
            if (state.Awaiting is Awaiting.Location && state.Draft?.Description is null)
            {
                // Photo first, then words: the words describe the problem.
                state.Awaiting = null;
            }

            await AbsorbDescriptionAsync(turn, cancellationToken);
            return Outcome.Continue;
        }

        var answered = state.Awaiting switch
        {
            Awaiting.Category => await AnswerCategoryAsync(turn, cancellationToken),
            Awaiting.Location => await AnswerLocationAsync(turn, cancellationToken),
            Awaiting.LocationConfirm => await AnswerLocationConfirmAsync(turn, cancellationToken),
            Awaiting.LocationPick => await AnswerLocationPickAsync(turn, cancellationToken),
            Awaiting.Duplicate => await AnswerDuplicateAsync(turn, cancellationToken),
            Awaiting.Contact => AnswerContact(turn),
            Awaiting.Confirm => await AnswerConfirmAsync(turn, cancellationToken),
            Awaiting.Change => AnswerChange(turn),
            Awaiting.AbandonConfirm => AnswerAbandon(turn),
            Awaiting.Resume => AnswerResume(turn),
            Awaiting.HandOff => AnswerHandOff(turn),
            { } followUp when followUp.StartsWith(Awaiting.FollowUpPrefix, StringComparison.Ordinal) => AnswerFollowUp(turn, followUp[Awaiting.FollowUpPrefix.Length..]),
            _ => (Answer?)null,
        };

        if (answered is { } answer)
        {
            return answer.Outcome;
        }

        return contributed ? Outcome.Continue : Fail(turn);
    }

    /// <summary>Counts a failed attempt: re-prompt more clearly, and after the limit offer a person (or skipping).</summary>
    private static Outcome Fail(Turn turn)
    {
        var state = turn.State;
        state.Attempts++;
        if (state.Attempts < turn.Dialogs.Intake.MaxAttempts)
        {
            turn.Reprompt = true;
            return Outcome.Continue;
        }

        var optional = IsOptionalQuestion(turn, state.Awaiting);
        state.ReturnTo = state.Awaiting;
        var choices = new List<Choice> { turn.Phrases.Choice("person", "handoff_person") };
        if (optional)
        {
            choices.Add(turn.Phrases.Choice("skip", "skip"));
        }

        choices.Add(turn.Phrases.Choice("no", "no"));
        turn.Ask(Awaiting.HandOff, optional ? "handoff_offer_optional" : "handoff_offer", choices);
        return Outcome.Done;
    }

    private static bool IsOptionalQuestion(Turn turn, string? awaiting)
    {
        if (awaiting?.StartsWith(Awaiting.FollowUpPrefix, StringComparison.Ordinal) == true)
        {
            var code = awaiting[Awaiting.FollowUpPrefix.Length..];
            return turn.Dialogs.FollowUpsFor(turn.State.Draft?.CategoryCode).FirstOrDefault(a => a.Code == code) is { Required: false };
        }

        return false;
    }

    private async Task<Answer?> AnswerCategoryAsync(Turn turn, CancellationToken cancellationToken)
    {
        var choice = turn.PickedChoice;
        if (choice == SomethingElse)
        {
            turn.Draft.CategoryCandidates.Clear();
            return Answer.Continue;
        }

        if (choice is not null)
        {
            await AcceptCategoryAsync(turn, choice, cancellationToken);
            return Answer.Continue;
        }

        // Words instead of a pick: classify them on their own.
        var result = await classifier.ClassifyAsync(new Intelligence.Classification.ClassificationInput(turn.Text, turn.Phrases.Locale, []), cancellationToken);
        if (result.CategoryCode is not null && result.Confidence >= turn.Dialogs.Intake.CategoryConfidence)
        {
            await AcceptCategoryAsync(turn, result.CategoryCode, cancellationToken);
            return Answer.Continue;
        }

        return null;
    }

    private async Task<Answer?> AnswerLocationAsync(Turn turn, CancellationToken cancellationToken)
    {
        turn.Draft.LocationText = turn.Text;
        return await LookUpPlaceTextAsync(turn, turn.Text, announceMiss: false, cancellationToken) ? Answer.Continue : null;
    }

    private async Task<Answer?> AnswerLocationConfirmAsync(Turn turn, CancellationToken cancellationToken)
    {
        var draft = turn.Draft;
        if (turn.SaysYes)
        {
            draft.Place = draft.PendingPlace;
            draft.PendingPlace = null;
            return Answer.Continue;
        }

        if (turn.SaysNo)
        {
            draft.PendingPlace = null;
            return Answer.Continue;
        }

        // Another place typed instead of yes/no: look that up.
        return await LookUpPlaceTextAsync(turn, turn.Text, announceMiss: false, cancellationToken) ? Answer.Continue : null;
    }

    private async Task<Answer?> AnswerLocationPickAsync(Turn turn, CancellationToken cancellationToken)
    {
        var draft = turn.Draft;
        var choice = turn.PickedChoice;
        if (choice is not null && int.TryParse(choice, CultureInfo.InvariantCulture, out var index) && index < draft.PlaceOptions.Count)
        {
            draft.Place = draft.PlaceOptions[index];
            draft.PlaceOptions.Clear();
            return Answer.Continue;
        }

        return await LookUpPlaceTextAsync(turn, turn.Text, announceMiss: false, cancellationToken) ? Answer.Continue : null;
    }

    private async Task<Answer?> AnswerDuplicateAsync(Turn turn, CancellationToken cancellationToken)
    {
        var draft = turn.Draft;
        var choice = turn.PickedChoice ?? (turn.Says("yes") ? "join" : turn.Says("no") ? "new" : null);
        switch (choice)
        {
            case "join" when draft.DuplicateIssueId is { } issueId:
                var joined = await intake.JoinAsync(issueId, turn.Context.ConversationId, subscribe: true, draft.Photos, cancellationToken);
                turn.State.References.Add(joined.ReferenceNumber);
                turn.Say("duplicate_joined", ("reference", joined.ReferenceNumber));
                ClearDraft(turn);
                return Answer.Done;
            case "new":
                draft.DuplicateChecked = true;
                draft.DuplicateIssueId = null;
                return Answer.Continue;
            default:
                return null;
        }
    }

    private static Answer? AnswerFollowUp(Turn turn, string code)
    {
        var draft = turn.Draft;
        var attribute = turn.Dialogs.FollowUpsFor(draft.CategoryCode).FirstOrDefault(a => a.Code == code);
        if (attribute is null)
        {
            return Answer.Continue;
        }

        var choice = turn.PickedChoice;
        if (choice == "__skip__" || (!attribute.Required && turn.Phrases.IsExactly("skip", turn.Normalized)))
        {
            draft.SkippedAttributes.Add(code);
            return Answer.Continue;
        }

        var value = choice ?? ParseAttribute(turn, attribute);
        if (value is null)
        {
            // Maybe it answered other questions instead.
            var before = draft.Attributes.Count;
            ExtractFollowUpAnswers(turn, turn.Text);
            return draft.Attributes.Count > before ? Answer.Continue : null;
        }

        draft.Attributes[code] = value;
        ExtractFollowUpAnswers(turn, turn.Text);
        return Answer.Continue;
    }

    private static string? ParseAttribute(Turn turn, FollowUpAttribute attribute)
    {
        var text = turn.Text;
        switch (attribute.Datatype)
        {
            case AttributeDatatype.SingleValueList or AttributeDatatype.MultiValueList:
                var values = attribute.Values ?? [];
                if (values.Any(v => v.Key == "yes") && turn.Says("yes"))
                {
                    return "yes";
                }

                if (values.Any(v => v.Key == "no") && turn.Says("no"))
                {
                    return "no";
                }

                var normalized = Intelligence.Classification.TextNormalizer.Normalize(text);
                var matched = values.Where(v => v.Keywords?.Values.SelectMany(k => k).Any(k => Intelligence.Classification.TextNormalizer.ContainsPhrase(normalized, k)) == true).Select(v => v.Key).ToList();
                return matched.Count == 0 ? null : attribute.Datatype == AttributeDatatype.SingleValueList ? matched[0] : string.Join(',', matched);
            case AttributeDatatype.Number:
                var number = FirstNumber().Match(text.Replace(',', '.'));
                return number.Success ? number.Value : null;
            case AttributeDatatype.Datetime:
                return DateTimeOffset.TryParse(text, CultureInfo.GetCultureInfo(turn.Phrases.Locale), DateTimeStyles.AssumeLocal, out var moment) ? moment.ToString("O", CultureInfo.InvariantCulture) : null;
            default:
                return text.Length <= 500 ? text : text[..500];
        }
    }

    private static Answer? AnswerContact(Turn turn)
    {
        var choice = turn.PickedChoice;
        if (choice == "updates" || (choice is null && (turn.Says("yes") || turn.Says("updates"))))
        {
            turn.Draft.WantsUpdates = true;
            return Answer.Continue;
        }

        if (choice == "anonymous" || (choice is null && (turn.Says("no") || turn.Says("anonymous"))))
        {
            turn.Draft.WantsUpdates = false;
            return Answer.Continue;
        }

        return null;
    }

    private async Task<Answer?> AnswerConfirmAsync(Turn turn, CancellationToken cancellationToken)
    {
        var choice = turn.PickedChoice
            ?? (turn.Says("yes") ? "send" : turn.Says("change") ? "change" : turn.Says("no") ? "change" : null);
        switch (choice)
        {
            case "send":
                await SubmitAsync(turn, cancellationToken);
                return Answer.Done;
            case "change":
                turn.Ask(Awaiting.Change, "ask_change", ChangeChoices(turn));
                return Answer.Done;
            case "discard":
                turn.State.ReturnTo = Awaiting.Confirm;
                turn.Ask(Awaiting.AbandonConfirm, "abandon_confirm", YesNo(turn));
                return Answer.Done;
            default:
                return null;
        }
    }

    private static Answer? AnswerChange(Turn turn)
    {
        var draft = turn.Draft;
        switch (turn.PickedChoice)
        {
            case "description":
                draft.Description = null;
                turn.State.Awaiting = Awaiting.Description;
                return Answer.Continue;
            case "category":
                draft.CategoryCode = null;
                draft.Attributes.Clear();
                draft.SkippedAttributes.Clear();
                draft.DuplicateChecked = false;
                return Answer.Continue;
            case "location":
                draft.Place = null;
                draft.PendingPlace = null;
                draft.DuplicateChecked = false;
                return Answer.Continue;
            default:
                return null;
        }
    }

    private static Answer? AnswerAbandon(Turn turn)
    {
        var state = turn.State;
        if (turn.SaysYes)
        {
            ClearDraft(turn);
            turn.Say("abandoned");
            return Answer.Done;
        }

        if (turn.SaysNo)
        {
            state.Awaiting = state.ReturnTo;
            state.ReturnTo = null;
            turn.Say("abandon_kept");
            return Answer.Continue;
        }

        return null;
    }

    private static Answer? AnswerResume(Turn turn)
    {
        var state = turn.State;
        var choice = turn.PickedChoice
            ?? (turn.Says("continue") || turn.Says("yes") ? "continue"
                : turn.Says("startOver") || turn.Says("no") ? "restart" : null);
        switch (choice)
        {
            case "continue":
                state.Awaiting = state.ReturnTo;
                state.ReturnTo = null;
                return Answer.Continue;
            case "restart":
                ClearDraft(turn);
                turn.Say("started_over");
                turn.Ask(Awaiting.Description, "ask_description");
                return Answer.Done;
            default:
                return null;
        }
    }

    private static Answer? AnswerHandOff(Turn turn)
    {
        var state = turn.State;
        var choice = turn.PickedChoice
            ?? (turn.Says("yes") ? "person" : turn.Says("skip") ? "skip" : turn.Says("no") ? "no" : null);
        var returnTo = state.ReturnTo;
        switch (choice)
        {
            case "person":
                RecordHandOff(turn);
                state.Awaiting = returnTo;
                state.Attempts = 0;
                return Answer.Done;
            case "skip" when returnTo?.StartsWith(Awaiting.FollowUpPrefix, StringComparison.Ordinal) == true:
                turn.Draft.SkippedAttributes.Add(returnTo[Awaiting.FollowUpPrefix.Length..]);
                state.Awaiting = null;
                return Answer.Continue;
            case "no":
                turn.Say("handoff_declined");
                state.Awaiting = returnTo;
                state.Attempts = 0;
                return Answer.Continue;
            default:
                return null;
        }
    }

    private static void ClearDraft(Turn turn)
    {
        turn.State.Draft = null;
        turn.State.Awaiting = null;
        turn.State.ReturnTo = null;
        turn.State.OfferedChoices = [];
        turn.State.Attempts = 0;
    }

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex FirstNumber();

    private sealed record Answer(Outcome Outcome)
    {
        public static readonly Answer Continue = new(Outcome.Continue);
        public static readonly Answer Done = new(Outcome.Done);
    }
}
