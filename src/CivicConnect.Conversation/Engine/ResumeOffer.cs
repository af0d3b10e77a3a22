using CivicConnect.Conversation.State;

namespace CivicConnect.Conversation.Engine;

/// <summary>
/// A draft left alone: after <c>resumeAfterHours</c> the citizen is asked whether to continue it;
/// after <c>idleExpiryHours</c> it is dropped, and the citizen told so.
/// </summary>
internal static class ResumeOffer
{
    /// <summary>True when an idle draft was dropped this turn.</summary>
    public static bool ExpireIdleDraft(Turn turn)
    {
        var state = turn.State;
        if (state.Draft is null || state.LastActivityAt is not { } last || turn.Now - last < TimeSpan.FromHours(turn.Dialogs.Intake.IdleExpiryHours))
        {
            return false;
        }

        turn.Say("expired", ("date", turn.Phrases.Date(state.Draft.StartedAt)), ("hours", turn.Dialogs.Intake.IdleExpiryHours));
        state.Draft = null;
        state.Awaiting = null;
        state.ReturnTo = null;
        return true;
    }

    /// <summary>True when the citizen is coming back to a draft after a while and was asked whether to continue it.</summary>
    public static bool TryOffer(Turn turn)
    {
        var state = turn.State;
        if (state.Draft is null || state.Awaiting is null or Awaiting.Resume || state.LastActivityAt is not { } last
            || turn.Now - last < TimeSpan.FromHours(turn.Dialogs.Intake.ResumeAfterHours))
        {
            return false;
        }

        state.ReturnTo = state.Awaiting;
        turn.Ask(
            Awaiting.Resume,
            "resume_offer",
            [turn.Phrases.Choice("continue", "resume_continue"), turn.Phrases.Choice("restart", "resume_restart")],
            values: ("description", Excerpt.Shorten(state.Draft.Description ?? "📷")));
        return true;
    }

    public static TurnOutcome? Answer(Turn turn)
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
                return TurnOutcome.Continue;
            case "restart":
                turn.ClearDraft();
                turn.Say("started_over");
                turn.Ask(Awaiting.Description, "ask_description");
                return TurnOutcome.Done;
            default:
                return null;
        }
    }
}
