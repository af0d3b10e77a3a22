using System.Globalization;
using System.Text.RegularExpressions;
using CivicConnect.Conversation.Activities;
using CivicConnect.Conversation.Ports;
using CivicConnect.Conversation.State;
using CivicConnect.Core.Messages;

namespace CivicConnect.Conversation.Engine;

/// <summary>Help, status, language, "not fixed", discard, start over and "a person" work at any step, in any language.</summary>
public sealed partial class Interruptions(StatusReport status, FeedbackCommands feedback, IHandOffHours handOffHours)
{
    /// <summary>Null when the message is no interruption; otherwise whether the form goes on asking.</summary>
    public async Task<TurnOutcome?> HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        var text = turn.Normalized;
        if (!IsCommandLength(text))
        {
            return null;
        }

        var state = turn.State;
        var phrases = turn.Phrases;
        if (WelcomeMenu.Picked(turn) is { } pick)
        {
            await AnswerWelcomeAsync(turn, pick, cancellationToken);
            return TurnOutcome.Done;
        }

        if (TrySwitchLanguage(turn))
        {
            return ContinueOrWelcome(turn);
        }

        if (await TryStatusAsync(turn, cancellationToken))
        {
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
            HandOffOffer.Record(turn, handOffHours);
            return state.Draft is null ? TurnOutcome.Done : TurnOutcome.Continue;
        }

        if (state.Draft is null && state.Awaiting is null or Awaiting.Description or Awaiting.AfterReport && phrases.IsExactly("greeting", text))
        {
            WelcomeMenu.Offer(turn);
            return TurnOutcome.Done;
        }

        return null;
    }

    /// <summary>
    /// While a person holds the conversation the bot stays out, except for these: "status …" and a
    /// language switch (STOP and START are the carrier's and never reach the dialog). True when the
    /// message was one of them and has been answered; the pending question is not asked again.
    /// </summary>
    public async Task<bool> HandleWhileHeldAsync(Turn turn, CancellationToken cancellationToken) =>
        IsCommandLength(turn.Normalized) && (TrySwitchLanguage(turn) || await TryStatusAsync(turn, cancellationToken));

    private static bool IsCommandLength(string normalized) => normalized.Length is > 0 and <= 60;

    private static bool TrySwitchLanguage(Turn turn)
    {
        if (turn.Phrases.LanguageSwitch(turn.Normalized) is not { } locale)
        {
            return false;
        }

        turn.SwitchLocale(locale);
        turn.Say("language_switched");
        return true;
    }

    private async Task<bool> TryStatusAsync(Turn turn, CancellationToken cancellationToken)
    {
        var text = turn.Normalized;
        var command = StatusCommand().Match(text);
        if (!command.Success || !(turn.Phrases.IsExactly("status", command.Groups["word"].Value) || turn.Phrases.IsExactly("status", text)))
        {
            return false;
        }

        await status.SayAsync(turn, command.Groups["ref"].Success ? int.Parse(command.Groups["ref"].Value, CultureInfo.InvariantCulture) : null, cancellationToken);
        return true;
    }

    private async Task AnswerWelcomeAsync(Turn turn, WelcomePick pick, CancellationToken cancellationToken)
    {
        switch (pick.Action)
        {
            case WelcomeAction.MyReports:
                await status.SayAsync(turn, null, cancellationToken);
                break;
            case WelcomeAction.Language:
                turn.SwitchLocale(pick.Locale!);
                turn.Say("language_switched");
                WelcomeMenu.Offer(turn);
                break;
            default:
                turn.Ask(Awaiting.Description, "ask_description");
                break;
        }
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
