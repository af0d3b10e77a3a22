using CivicConnect.Conversation.Dialogs;
using CivicConnect.Conversation.Ports;
using CivicConnect.Conversation.State;

namespace CivicConnect.Conversation.Engine.Steps;

/// <summary>
/// What the problem is. The first words of a report give more than a description: the category,
/// the urgency, place words and answers to follow-up questions are all taken from them.
/// </summary>
[IntakeStep("description")]
internal sealed class DescriptionStep(IReportClassifier classifier, CategoryAcceptance categories, PlaceLookup places) : IIntakeStep
{
    public bool IsFilled(Turn turn) => turn.Draft.Description is not null || turn.Draft.Photos.Count > 0;

    public Task<bool> AskAsync(Turn turn, StepDefinition definition, CancellationToken cancellationToken)
    {
        turn.Ask(Awaiting.Description, "ask_description");
        return Task.FromResult(true);
    }

    public bool Asks(string awaiting) => awaiting == Awaiting.Description;

    public async Task<TurnOutcome?> AnswerAsync(Turn turn, string awaiting, CancellationToken cancellationToken)
    {
        var draft = turn.Draft;
        draft.Description = draft.Description is null ? turn.Text : $"{draft.Description} {turn.Text}";
        if (draft.Description.Length > 2000)
        {
            draft.Description = draft.Description[..2000];
        }

        var result = await classifier.ClassifyAsync(draft.Description, turn.Phrases.Locale, draft.Photos.Select(p => p.StoredPath ?? string.Empty).ToList(), turn.Context.ConversationId, cancellationToken);
        draft.Priority = result.Priority;
        draft.CategoryCandidates = result.CandidateCodes.Take(3).ToList();
        if (draft.CategoryCode is null && result.CategoryCode is not null && result.Confidence >= turn.Dialogs.Intake.CategoryConfidence)
        {
            await categories.AcceptAsync(turn, result.CategoryCode, cancellationToken);
        }

        if (result.LocationText is { } where && draft.Place is null && draft.PendingPlace is null)
        {
            draft.LocationText = where;
            await places.LookUpTextAsync(turn, where, announceMiss: true, cancellationToken);
        }

        // Words are always taken as (more) description: never a failed answer.
        return TurnOutcome.Continue;
    }
}
