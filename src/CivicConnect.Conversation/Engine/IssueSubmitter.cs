using CivicConnect.Conversation.Ports;
using CivicConnect.Conversation.State;
using CivicConnect.Core.Issues;

namespace CivicConnect.Conversation.Engine;

/// <summary>Hands the finished draft to the issue workflow and tells the citizen its reference number.</summary>
public sealed class IssueSubmitter(IIssueIntake intake, UpdatesOffer updates)
{
    public async Task SubmitAsync(Turn turn, CancellationToken cancellationToken)
    {
        var draft = turn.Draft;
        if (draft.Place is null)
        {
            turn.Ask(Awaiting.Location, "ask_location");
            return;
        }

        var wantsUpdates = draft.WantsUpdates ?? true;
        var submission = new IssueSubmission(
            turn.Context.ConversationId,
            turn.Activity.Channel,
            turn.Phrases.Locale,
            draft.Description ?? string.Empty,
            draft.CategoryCode ?? "other",
            draft.Priority,
            draft.Place,
            draft.Attributes,
            draft.Photos,
            wantsUpdates);
        var issue = await intake.SubmitAsync(submission, cancellationToken);
        turn.State.References.Add(issue.ReferenceNumber);
        turn.Say(wantsUpdates ? "submitted" : "submitted_anonymous", ("reference", issue.ReferenceNumber), ("department", issue.DepartmentName));
        if (draft.Priority is Priority.Urgent)
        {
            turn.Say("urgent_note");
        }

        AfterReport.Mark(turn);
        updates.Offer(turn, wantsUpdates);
    }
}
