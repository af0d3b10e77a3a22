using CivicConnect.Conversation.Activities;
using CivicConnect.Conversation.Dialogs;
using CivicConnect.Conversation.Ports;
using CivicConnect.Conversation.State;

namespace CivicConnect.Conversation.Engine.Steps;

/// <summary>The summary card: send it, change something (description, category or place), or discard it.</summary>
[IntakeStep("confirm")]
internal sealed class ConfirmStep(ICategoryCatalog catalog, IssueSubmitter submitter) : IIntakeStep
{
    /// <summary>Never filled: the citizen always says "send" themselves.</summary>
    public bool IsFilled(Turn turn) => false;

    public async Task<bool> AskAsync(Turn turn, StepDefinition definition, CancellationToken cancellationToken)
    {
        var draft = turn.Draft;
        var phrases = turn.Phrases;
        var category = draft.CategoryCode is null ? null : await catalog.FindAsync(draft.CategoryCode, cancellationToken);
        var lines = new List<string>
        {
            phrases.Say("summary_problem", ("description", Excerpt.Shorten(draft.Description ?? "📷"))),
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

    public bool Asks(string awaiting) => awaiting is Awaiting.Confirm or Awaiting.Change;

    public async Task<TurnOutcome?> AnswerAsync(Turn turn, string awaiting, CancellationToken cancellationToken) =>
        awaiting == Awaiting.Change ? AnswerChange(turn) : await AnswerConfirmAsync(turn, cancellationToken);

    private async Task<TurnOutcome?> AnswerConfirmAsync(Turn turn, CancellationToken cancellationToken)
    {
        var choice = turn.PickedChoice
            ?? (turn.Says("yes") ? "send" : turn.Says("change") ? "change" : turn.Says("no") ? "change" : null);
        switch (choice)
        {
            case "send":
                await submitter.SubmitAsync(turn, cancellationToken);
                return TurnOutcome.Done;
            case "change":
                turn.Ask(Awaiting.Change, "ask_change", StandardChoices.Change(turn));
                return TurnOutcome.Done;
            case "discard":
                turn.State.ReturnTo = Awaiting.Confirm;
                AbandonQuestion.Ask(turn);
                return TurnOutcome.Done;
            default:
                return null;
        }
    }

    private static TurnOutcome? AnswerChange(Turn turn)
    {
        var draft = turn.Draft;
        switch (turn.PickedChoice)
        {
            case "description":
                draft.Description = null;
                turn.State.Awaiting = Awaiting.Description;
                return TurnOutcome.Continue;
            case "category":
                draft.CategoryCode = null;
                draft.Attributes.Clear();
                draft.SkippedAttributes.Clear();
                draft.DuplicateChecked = false;
                return TurnOutcome.Continue;
            case "location":
                draft.Place = null;
                draft.PendingPlace = null;
                draft.DuplicateChecked = false;
                return TurnOutcome.Continue;
            default:
                return null;
        }
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
}
