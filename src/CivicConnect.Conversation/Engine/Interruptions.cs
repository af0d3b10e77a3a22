using System.Globalization;
using System.Text.RegularExpressions;
using CivicConnect.Conversation.Activities;
using CivicConnect.Conversation.State;
using CivicConnect.Core.Messages;

namespace CivicConnect.Conversation.Engine;

/// <summary>Help, status, language, "not fixed", discard, start over and "a person" work at any step, in any language.</summary>
public sealed partial class Interruptions(StatusReport status, FeedbackCommands feedback)
{
    /// <summary>Null when the message is no interruption; otherwise whether the form goes on asking.</summary>
    public async Task<TurnOutcome?> HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        var text = turn.Normalized;
        if (text.Length == 0 || text.Length > 60)
        {
            return null;
        }

        var state = turn.State;
        var phrases = turn.Phrases;
        if (phrases.LanguageSwitch(text) is { } locale)
        {
            turn.SwitchLocale(locale);
            turn.Say("language_switched");
            return ContinueOrWelcome(turn);
        }

        var command = StatusCommand().Match(text);
        if (command.Success && (phrases.IsExactly("status", command.Groups["word"].Value) || phrases.IsExactly("status", text)))
        {
            await status.SayAsync(turn, command.Groups["ref"].Success ? int.Parse(command.Groups["ref"].Value, CultureInfo.InvariantCulture) : null, cancellationToken);
            return state.Draft is null ? TurnOutcome.Done : TurnOutcome.Continue;
        }

        if (await feedback.HandleAsync(turn, cancellationToken) is { } answered)
        {
            return answered;
        }

        if (phrases.IsExactly("help", text))
        {
            turn.Say("help");
            return state.Draft is null ? TurnOutcome.Done : TurnOutcome.Continue;
        }

        // On SMS and Twilio WhatsApp, CANCEL/STOP/END… alone are carrier opt-out words: never a dialog word there.
        var carrierWord = ChannelIds.HasCarrierKeywords(turn.Activity.Channel) && CarrierKeywords.IsOptOut(turn.Text);
        if (!carrierWord && phrases.IsExactly("abandon", text))
        {
            if (state.Draft is null)
            {
                turn.Say("nothing_to_abandon");
                return TurnOutcome.Done;
            }

            state.ReturnTo = state.Awaiting is Awaiting.AbandonConfirm ? state.ReturnTo : state.Awaiting;
            AbandonQuestion.Ask(turn);
            return TurnOutcome.Done;
        }

        if (phrases.IsExactly("startOver", text))
        {
            state.Draft = null;
            state.ReturnTo = null;
            turn.Say("started_over");
            turn.Ask(Awaiting.Description, "ask_description");
            return TurnOutcome.Done;
        }

        if (phrases.IsExactly("handoff", text))
        {
            HandOffOffer.Record(turn);
            return state.Draft is null ? TurnOutcome.Done : TurnOutcome.Continue;
        }

        if (state.Draft is null && state.Awaiting is null or Awaiting.Description && phrases.IsExactly("greeting", text))
        {
            turn.Ask(Awaiting.Description, "welcome");
            return TurnOutcome.Done;
        }

        return null;
    }

    private static TurnOutcome ContinueOrWelcome(Turn turn)
    {
        if (turn.State.Draft is not null)
        {
            return TurnOutcome.Continue;
        }

        turn.Ask(Awaiting.Description, "ask_description");
        return TurnOutcome.Done;
    }

    [GeneratedRegex(@"^(?<word>[a-z ]+?)\s*(?<ref>\d{1,9})?$")]
    private static partial Regex StatusCommand();
}
