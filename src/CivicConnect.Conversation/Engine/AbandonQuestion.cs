using CivicConnect.Conversation.State;

namespace CivicConnect.Conversation.Engine;

/// <summary>"Discard this report?" — asked by "cancel" at any step and by the summary's Discard; "no" goes back to <see cref="ConversationState.ReturnTo"/>.</summary>
internal static class AbandonQuestion
{
    public static void Ask(Turn turn) => turn.Ask(Awaiting.AbandonConfirm, "abandon_confirm", StandardChoices.YesNo(turn));

    public static TurnOutcome? Answer(Turn turn)
    {
        var state = turn.State;
        if (turn.SaysYes)
        {
            turn.ClearDraft();
            turn.Say("abandoned");
            return TurnOutcome.Done;
        }

        if (turn.SaysNo)
        {
            state.Awaiting = state.ReturnTo;
            state.ReturnTo = null;
            turn.Say("abandon_kept");
            return TurnOutcome.Continue;
        }

        return null;
    }
}
