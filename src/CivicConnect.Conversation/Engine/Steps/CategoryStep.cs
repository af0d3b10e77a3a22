using CivicConnect.Conversation.Activities;
using CivicConnect.Conversation.Dialogs;
using CivicConnect.Conversation.Ports;
using CivicConnect.Conversation.State;

namespace CivicConnect.Conversation.Engine.Steps;

/// <summary>Which service category: the classifier's runner-ups when it was unsure, else every category.</summary>
[IntakeStep("category")]
internal sealed class CategoryStep(ICategoryCatalog catalog, IReportClassifier classifier, CategoryAcceptance acceptance) : IIntakeStep
{
    private const string SomethingElse = "__something_else__";

    public bool IsFilled(Turn turn) => turn.Draft.CategoryCode is not null;

    public async Task<bool> AskAsync(Turn turn, StepDefinition definition, CancellationToken cancellationToken)
    {
        var active = await catalog.GetActiveAsync(cancellationToken);
        var locale = turn.Phrases.Locale;
        var candidates = turn.Draft.CategoryCandidates.Select(code => active.FirstOrDefault(c => c.Code == code)).OfType<CategoryChoice>().Take(3).ToList();
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

    public bool Asks(string awaiting) => awaiting == Awaiting.Category;

    public async Task<TurnOutcome?> AnswerAsync(Turn turn, string awaiting, CancellationToken cancellationToken)
    {
        var choice = turn.PickedChoice;
        if (choice == SomethingElse)
        {
            turn.Draft.CategoryCandidates.Clear();
            return TurnOutcome.Continue;
        }

        if (choice is not null)
        {
            await acceptance.AcceptAsync(turn, choice, cancellationToken);
            return TurnOutcome.Continue;
        }

        // Words instead of a pick: classify them on their own.
        var result = await classifier.ClassifyAsync(turn.Text, turn.Phrases.Locale, [], turn.Context.ConversationId, cancellationToken);
        if (result.CategoryCode is not null && result.Confidence >= turn.Dialogs.Intake.CategoryConfidence)
        {
            await acceptance.AcceptAsync(turn, result.CategoryCode, cancellationToken);
            return TurnOutcome.Continue;
        }

        return null;
    }
}
