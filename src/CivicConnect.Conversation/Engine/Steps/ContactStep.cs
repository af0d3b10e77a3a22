using CivicConnect.Conversation.Dialogs;
using CivicConnect.Conversation.State;

namespace CivicConnect.Conversation.Engine.Steps;

/// <summary>Updates on this channel, or anonymous.</summary>
[IntakeStep("contact")]
internal sealed class ContactStep : IIntakeStep
{
    public bool IsFilled(Turn turn) => turn.Draft.WantsUpdates is not null;

    public Task<bool> AskAsync(Turn turn, StepDefinition definition, CancellationToken cancellationToken)
    {
        turn.Ask(Awaiting.Contact, "ask_contact", [turn.Phrases.Choice("updates", "contact_updates"), turn.Phrases.Choice("anonymous", "contact_anonymous")]);
        return Task.FromResult(true);
    }

    public bool Asks(string awaiting) => awaiting == Awaiting.Contact;

    public Task<TurnOutcome?> AnswerAsync(Turn turn, string awaiting, CancellationToken cancellationToken)
    {
        var choice = turn.PickedChoice;
        if (choice == "updates" || (choice is null && (turn.Says("yes") || turn.Says("updates"))))
        {
            turn.Draft.WantsUpdates = true;
            return Task.FromResult<TurnOutcome?>(TurnOutcome.Continue);
        }

        if (choice == "anonymous" || (choice is null && (turn.Says("no") || turn.Says("anonymous"))))
        {
            turn.Draft.WantsUpdates = false;
            return Task.FromResult<TurnOutcome?>(TurnOutcome.Continue);
        }

        return Task.FromResult<TurnOutcome?>(null);
    }
}
