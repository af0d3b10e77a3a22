using CivicConnect.Conversation.Ports;

namespace CivicConnect.Conversation.Engine;

/// <summary>"status 1042" and "status": only the category, state and date — never who reported it.</summary>
public sealed class StatusReport(ICategoryCatalog catalog, IIssueStatusQuery statusQuery)
{
    /// <param name="reference">The report the citizen named, or null for the open ones this conversation follows.</param>
    public async Task SayAsync(Turn turn, int? reference, CancellationToken cancellationToken)
    {
        var phrases = turn.Phrases;
        var active = await catalog.GetActiveAsync(cancellationToken);
        string CategoryName(string code) => active.FirstOrDefault(c => c.Code == code)?.Name.For(phrases.Locale) ?? code;
        string Line(IssueStatusView view) => phrases.Say(
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
}
