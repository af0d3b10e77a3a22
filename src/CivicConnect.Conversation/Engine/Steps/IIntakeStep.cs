using CivicConnect.Conversation.Dialogs;

namespace CivicConnect.Conversation.Engine.Steps;

/// <summary>
/// One step of the intake form (<c>dialogs/intake.json</c> lists them in order): it knows whether
/// its slot of the draft is filled, asks its question, and understands the answer to it. A new
/// step is one class marked <see cref="IntakeStepAttribute"/>, its entry in intake.json and its
/// words in every locale file.
/// </summary>
public interface IIntakeStep
{
    /// <summary>True when the draft needs nothing from this step now, so the form moves past it.</summary>
    bool IsFilled(Turn turn);

    /// <summary>Asks this step's question; false when, looking closer, there was nothing to ask (the form moves on).</summary>
    Task<bool> AskAsync(Turn turn, StepDefinition definition, CancellationToken cancellationToken);

    /// <summary>True for the questions (<see cref="State.Awaiting"/> values) this step asks.</summary>
    bool Asks(string awaiting);

    /// <summary>Reads the message as the answer to <paramref name="awaiting"/>; null when it is not understood.</summary>
    Task<TurnOutcome?> AnswerAsync(Turn turn, string awaiting, CancellationToken cancellationToken);
}
