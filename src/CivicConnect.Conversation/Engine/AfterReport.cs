using CivicConnect.Conversation.State;

namespace CivicConnect.Conversation.Engine;

/// <summary>
/// Right after the reference number, citizens say "thanks", "ok" or "yes". That is a goodbye,
/// not the start of a new report: it gets a friendly closing. Anything else — a new problem
/// described — starts a new report as usual. Only the one message after the reference is read this way.
/// </summary>
internal static class AfterReport
{
    /// <summary>The report was filed or joined (its reference already in <see cref="ConversationState.References"/>).</summary>
    public static void Mark(Turn turn)
    {
        turn.ClearDraft();
        turn.State.Awaiting = Awaiting.AfterReport;
    }

    /// <summary>True when the message only acknowledged the reference and has been answered.</summary>
    public static bool TryClose(Turn turn)
    {
        if (turn.State.Awaiting is not Awaiting.AfterReport)
        {
            return false;
        }

        turn.State.Awaiting = null;
        var phrases = turn.Phrases;
        var text = turn.Normalized;
        if (!phrases.IsExactly("thanks", text) && !phrases.IsExactly("yes", text) && !phrases.IsExactly("no", text))
        {
            return false;
        }

        turn.Say("closing", ("reference", turn.State.References.LastOrDefault()));
        return true;
    }
}
