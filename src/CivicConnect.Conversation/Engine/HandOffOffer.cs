using CivicConnect.Conversation.Activities;
using CivicConnect.Conversation.Ports;
using CivicConnect.Conversation.State;

namespace CivicConnect.Conversation.Engine;

/// <summary>
/// A question not understood is asked again more clearly; after <c>maxAttempts</c> failures a
/// person is offered (and skipping, for an optional follow-up question).
/// </summary>
internal static class HandOffOffer
{
    /// <summary>Counts a failed attempt at the pending question: re-prompt, or after the limit offer a person.</summary>
    public static TurnOutcome CountFailure(Turn turn)
    {
        var state = turn.State;
        state.Attempts++;
        if (state.Attempts < turn.Dialogs.Intake.MaxAttempts)
        {
            turn.Reprompt = true;
            return TurnOutcome.Continue;
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
        return TurnOutcome.Done;
    }

    public static TurnOutcome? Answer(Turn turn, IHandOffHours hours)
    {
        var state = turn.State;
        var choice = turn.PickedChoice
            ?? (turn.Says("yes") ? "person" : turn.Says("skip") ? "skip" : turn.Says("no") ? "no" : null);
        var returnTo = state.ReturnTo;
        switch (choice)
        {
            case "person":
                Record(turn, hours);
                state.Awaiting = returnTo;
                state.Attempts = 0;
                return TurnOutcome.Done;
            case "skip" when returnTo?.StartsWith(Awaiting.FollowUpPrefix, StringComparison.Ordinal) == true:
                turn.Draft.SkippedAttributes.Add(returnTo[Awaiting.FollowUpPrefix.Length..]);
                state.Awaiting = null;
                return TurnOutcome.Continue;
            case "no":
                turn.Say("handoff_declined");
                state.Awaiting = returnTo;
                state.Attempts = 0;
                return TurnOutcome.Continue;
            default:
                return null;
        }
    }

    /// <summary>
    /// The citizen asked for (or accepted) a person: the turn processor puts the conversation in the
    /// hand-off queue. Outside the agents' hours the citizen is told when someone will answer.
    /// </summary>
    public static void Record(Turn turn, IHandOffHours hours)
    {
        turn.HandOffRequested = true;
        if (turn.State.Draft is not null)
        {
            turn.State.Draft.HandOffRequested = true;
        }

        if (hours.NextOpening(turn.Now) is { } opening)
        {
            turn.Say("handoff_recorded_after_hours", ("opening", turn.Phrases.Date(opening, "opening_format")));
        }
        else
        {
            turn.Say("handoff_recorded");
        }
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
}
