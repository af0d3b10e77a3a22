using System.Text.RegularExpressions;
using CivicConnect.Conversation.Activities;
using CivicConnect.Conversation.State;
using CivicConnect.Core.Messages;

namespace CivicConnect.Conversation.Engine;

public sealed partial class DialogEngine
{
    /// <summary>Help, status, language, discard, start over and "a person" work at any step, in any language.</summary>
    private async Task<Outcome?> HandleInterruptionAsync(Turn turn, CancellationToken cancellationToken)
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

        var status = StatusCommand().Match(text);
        if (status.Success && (phrases.IsExactly("status", status.Groups["word"].Value) || phrases.IsExactly("status", text)))
        {
            await SayStatusAsync(turn, status.Groups["ref"].Success ? int.Parse(status.Groups["ref"].Value, System.Globalization.CultureInfo.InvariantCulture) : null, cancellationToken);
            return state.Draft is null ? Outcome.Done : Outcome.Continue;
        }

        if (await HandleFeedbackAsync(turn, cancellationToken) is { } answered)
        {
            return answered;
        }

        if (phrases.IsExactly("help", text))
        {
            turn.Say("help");
            return state.Draft is null ? Outcome.Done : Outcome.Continue;
        }

        // On SMS and Twilio WhatsApp, CANCEL/STOP/END… alone are carrier opt-out words: never a dialog word there.
        var carrierWord = ChannelIds.HasCarrierKeywords(turn.Activity.Channel) && CarrierKeywords.IsOptOut(turn.Text);
        if (!carrierWord && phrases.IsExactly("abandon", text))
        {
            if (state.Draft is null)
            {
                turn.Say("nothing_to_abandon");
                return Outcome.Done;
            }

            state.ReturnTo = state.Awaiting is Awaiting.AbandonConfirm ? state.ReturnTo : state.Awaiting;
            turn.Ask(Awaiting.AbandonConfirm, "abandon_confirm", YesNo(turn));
            return Outcome.Done;
        }

        if (phrases.IsExactly("startOver", text))
        {
            state.Draft = null;
            state.ReturnTo = null;
            turn.Say("started_over");
            turn.Ask(Awaiting.Description, "ask_description");
            return Outcome.Done;
        }

        if (phrases.IsExactly("handoff", text))
        {
            RecordHandOff(turn);
            return state.Draft is null ? Outcome.Done : Outcome.Continue;
        }

        if (state.Draft is null && state.Awaiting is null or Awaiting.Description && phrases.IsExactly("greeting", text))
        {
            turn.Ask(Awaiting.Description, "welcome");
            return Outcome.Done;
        }

        return null;
    }

    private static Outcome ContinueOrWelcome(Turn turn)
    {
        if (turn.State.Draft is not null)
        {
            return Outcome.Continue;
        }

        turn.Ask(Awaiting.Description, "ask_description");
        return Outcome.Done;
    }

    private async Task SayStatusAsync(Turn turn, int? reference, CancellationToken cancellationToken)
    {
        var phrases = turn.Phrases;
        var active = await categories.GetActiveAsync(cancellationToken);
        string CategoryName(string code) => active.FirstOrDefault(c => c.Code == code)?.Name.For(phrases.Locale) ?? code;
        string Line(Ports.IssueStatusView view) => phrases.Say(
            "status_one",
            ("reference", view.ReferenceNumber),
            ("category", CategoryName(view.CategoryCode)),
            ("status", phrases.Say("status." + view.Status)),
            ("date", phrases.Date(view.ReportedAt)));

        if (reference is { } number)
        {
            var view = await statusQuery.FindAsync(number, cancellationToken);
            if (view is null)
            {
                turn.Say("status_not_found", ("reference", number));
            }
            else
            {
                turn.SayRaw(Line(view));
            }

            return;
        }

        var open = await statusQuery.ListOpenForConversationAsync(turn.Context.ConversationId, cancellationToken);
        if (open.Count == 0)
        {
            turn.Say("status_none");
            return;
        }

        turn.Say("status_list");
        foreach (var view in open.Take(5))
        {
            turn.SayRaw(Line(view));
        }
    }

    private static void RecordHandOff(Turn turn)
    {
        turn.HandOffRequested = true;
        if (turn.State.Draft is not null)
        {
            turn.State.Draft.HandOffRequested = true;
        }

        turn.Say("handoff_recorded");
    }

    [GeneratedRegex(@"^(?<word>[a-z ]+?)\s*(?<ref>\d{1,9})?$")]
    private static partial Regex StatusCommand();
}
