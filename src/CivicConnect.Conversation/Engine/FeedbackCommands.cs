using System.Globalization;
using System.Text.RegularExpressions;
using CivicConnect.Conversation.Ports;
using CivicConnect.Conversation.State;

namespace CivicConnect.Conversation.Engine;

/// <summary>
/// "NOT FIXED" (optionally with a reference) reopens the citizen's resolved issue within 7 days;
/// a lone 1–5 answers the satisfaction question after an issue of theirs was closed.
/// </summary>
public sealed partial class FeedbackCommands(IIssueFeedback feedback)
{
    /// <summary>Null when the message is neither.</summary>
    public async Task<TurnOutcome?> HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        var text = turn.Normalized;
        var notFixed = NotFixedCommand().Match(text);
        if (notFixed.Success && turn.Phrases.IsExactly("notFixed", notFixed.Groups["words"].Value.Trim()))
        {
            int? reference = notFixed.Groups["ref"].Success ? int.Parse(notFixed.Groups["ref"].Value, CultureInfo.InvariantCulture) : null;
            var outcome = await feedback.ReportNotFixedAsync(turn.Context.ConversationId, turn.Activity.Channel, reference, cancellationToken);
            switch (outcome.Result)
            {
                case NotFixedResult.Reopened:
                    turn.Say("not_fixed_reopened", ("reference", outcome.ReferenceNumber));
                    return turn.State.Draft is null ? TurnOutcome.Done : TurnOutcome.Continue;
                case NotFixedResult.TooLate:
                    turn.State.Draft = null;
                    turn.Ask(Awaiting.Description, "not_fixed_too_late", values: [("reference", outcome.ReferenceNumber), ("days", 7)]);
                    return TurnOutcome.Done;
                default:
                    turn.State.Draft = null;
                    turn.Ask(Awaiting.Description, "not_fixed_none");
                    return TurnOutcome.Done;
            }
        }

        if (turn.State.Draft is null && text.Length == 1 && text[0] is >= '1' and <= '5'
            && await feedback.PendingSurveyAsync(turn.Context.ConversationId, cancellationToken) is { } surveyed)
        {
            await feedback.RecordSatisfactionAsync(turn.Context.ConversationId, surveyed, text[0] - '0', cancellationToken);
            turn.Say("survey_thanks", ("reference", surveyed));
            return TurnOutcome.Done;
        }

        return null;
    }

    [GeneratedRegex(@"^(?<words>[a-z ]+?)\s*(?<ref>\d{1,9})?$")]
    private static partial Regex NotFixedCommand();
}
