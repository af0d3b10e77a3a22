using CivicConnect.Conversation.Activities;
using CivicConnect.Conversation.Dialogs;
using CivicConnect.Conversation.Ports;
using CivicConnect.Conversation.State;

namespace CivicConnect.Conversation.Engine.Steps;

/// <summary>
/// Already reported? Once the category and the place are known, an open report with one of the
/// same photos, else the likeliest one nearby, is offered to join instead of filing a new one.
/// </summary>
[IntakeStep("duplicate")]
internal sealed class DuplicateStep(ISamePhotoReportFinder samePhotos, INearbyReportFinder nearby, IIssueIntake intake, ICategoryCatalog catalog, UpdatesOffer updates) : IIntakeStep
{
    public bool IsFilled(Turn turn) => turn.Draft is { DuplicateChecked: true } or { Place: null } or { CategoryCode: null };

    public async Task<bool> AskAsync(Turn turn, StepDefinition definition, CancellationToken cancellationToken)
    {
        var draft = turn.Draft;

        // A photo already on another open issue is the strongest sign of the same problem, wherever the pin fell: offered first.
        if (draft.DuplicateIssueId is null && await SamePhotoAsync(draft, cancellationToken) is { } samePhoto)
        {
            draft.DuplicateIssueId = samePhoto.IssueId;
            draft.DuplicateReference = samePhoto.ReferenceNumber;
            turn.Ask(Awaiting.Duplicate, "duplicate_same_photo", JoinOrNew(turn), values: [("reference", samePhoto.ReferenceNumber)]);
            return true;
        }

        if (draft.DuplicateIssueId is null)
        {
            var match = await nearby.FindAsync(draft.CategoryCode!, draft.Place!.Latitude, draft.Place.Longitude, draft.Description, cancellationToken);
            if (match is null)
            {
                draft.DuplicateChecked = true;
                return false;
            }

            draft.DuplicateIssueId = match.IssueId;
            draft.DuplicateReference = match.ReferenceNumber;

            // The other report is described by its category, age and distance, never by its
            // reporter's own words: those may hold a name, a phone number or a house number.
            var category = await catalog.FindAsync(draft.CategoryCode!, cancellationToken);
            turn.Ask(
                Awaiting.Duplicate,
                "duplicate_found",
                JoinOrNew(turn),
                values: [("reference", match.ReferenceNumber), ("date", turn.Phrases.Date(match.ReportedAt)), ("distance", Math.Round(match.DistanceMeters)), ("category", category?.Name.For(turn.Phrases.Locale) ?? draft.CategoryCode)]);
            return true;
        }

        turn.Ask(Awaiting.Duplicate, "duplicate_found", JoinOrNew(turn), values: [("reference", draft.DuplicateReference)]);
        return true;
    }

    public bool Asks(string awaiting) => awaiting == Awaiting.Duplicate;

    public async Task<TurnOutcome?> AnswerAsync(Turn turn, string awaiting, CancellationToken cancellationToken)
    {
        var draft = turn.Draft;
        var choice = turn.PickedChoice ?? (turn.Says("yes") ? "join" : turn.Says("no") ? "new" : null);
        switch (choice)
        {
            case "join" when draft.DuplicateIssueId is { } issueId:
                var joined = await intake.JoinAsync(issueId, turn.Context.ConversationId, subscribe: true, draft.Photos, cancellationToken);
                turn.State.References.Add(joined.ReferenceNumber);
                turn.Say("duplicate_joined", ("reference", joined.ReferenceNumber));
                AfterReport.Mark(turn);
                updates.Offer(turn, following: true);
                return TurnOutcome.Done;
            case "new":
                draft.DuplicateChecked = true;
                draft.DuplicateIssueId = null;
                return TurnOutcome.Continue;
            default:
                return null;
        }
    }

    private static List<Choice> JoinOrNew(Turn turn) => [turn.Phrases.Choice("join", "duplicate_join"), turn.Phrases.Choice("new", "duplicate_new")];

    private async Task<SamePhotoReport?> SamePhotoAsync(IntakeDraft draft, CancellationToken cancellationToken)
    {
        var paths = draft.Photos.Select(p => p.StoredPath).OfType<string>().ToList();
        return paths.Count == 0 ? null : await samePhotos.FindAsync(paths, cancellationToken);
    }
}
