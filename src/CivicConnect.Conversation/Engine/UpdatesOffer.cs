using CivicConnect.Conversation.Ports;
using CivicConnect.Conversation.State;
using CivicConnect.Core.Messages;
using CivicConnect.Core.Text;

namespace CivicConnect.Conversation.Engine;

/// <summary>
/// Right after a web or app citizen's report is filed (or joined), "Notify me when it's fixed":
/// push notifications (the page or app asks the device's permission and registers itself when
/// the citizen picks it) or e-mail (asked for here, and kept for this conversation's updates).
/// Only what the service is configured for is offered; SMS and WhatsApp citizens already get
/// updates where they wrote. An e-mail address typed after the report is taken without the pick.
/// </summary>
public sealed class UpdatesOffer(IUpdateContacts contacts)
{
    /// <summary>Adds the offer to the reference message; call after <see cref="AfterReport.Mark"/>.</summary>
    public void Offer(Turn turn, bool following)
    {
        if (!following || turn.Activity.Channel != ChannelIds.DirectLine)
        {
            return;
        }

        var choices = new List<Choice>();
        if (contacts.PushOffered)
        {
            choices.Add(turn.Phrases.Choice(UpdateChoices.Push, "choice_updates_push"));
        }

        if (contacts.EmailOffered)
        {
            choices.Add(turn.Phrases.Choice(UpdateChoices.Email, "choice_updates_email"));
        }

        if (choices.Count > 0)
        {
            turn.Ask(Awaiting.AfterReport, "updates_offer", choices);
        }
    }

    /// <summary>True when the message picked from the offer or gave the e-mail address, and was answered.</summary>
    public async Task<bool> TryAnswerAsync(Turn turn, CancellationToken cancellationToken)
    {
        var state = turn.State;
        if (state.Awaiting is not (Awaiting.AfterReport or Awaiting.UpdatesEmail))
        {
            return false;
        }

        var reference = state.References.LastOrDefault();
        if (contacts.EmailOffered && EmailAddresses.Find(turn.Text) is { } email)
        {
            await contacts.AddEmailAsync(turn.Context.ConversationId, email, cancellationToken);
            state.Awaiting = Awaiting.AfterReport;
            state.OfferedChoices = [];
            turn.Say("updates_email_saved", ("email", email), ("reference", reference));
            return true;
        }

        switch (turn.PickedChoice)
        {
            case UpdateChoices.Push:
                // The page (or app) saw the pick and is asking for the device's permission; this only says what comes next.
                state.Awaiting = Awaiting.AfterReport;
                turn.Say("updates_push_accepted", ("reference", reference));
                return true;
            case UpdateChoices.Email when contacts.EmailOffered:
                turn.Ask(Awaiting.UpdatesEmail, "ask_updates_email");
                return true;
        }

        if (state.Awaiting is Awaiting.UpdatesEmail)
        {
            if (turn.Text.Contains('@', StringComparison.Ordinal))
            {
                turn.Reprompt = true;
                turn.Ask(Awaiting.UpdatesEmail, "ask_updates_email");
                return true;
            }

            // "No thanks", or a new problem described: read as after any report.
            state.Awaiting = Awaiting.AfterReport;
        }

        return false;
    }
}
