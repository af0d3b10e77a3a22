using CivicConnect.Conversation.Ports;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Workflow.Intake;

public sealed class IssueStatusQuery(CivicDbContext db) : IIssueStatusQuery
{
    public Task<IssueStatusView?> FindAsync(int referenceNumber, CancellationToken cancellationToken) =>
        db.Issues.AsNoTracking()
            .Where(i => i.ReferenceNumber == referenceNumber)
            .Select(i => new IssueStatusView(i.ReferenceNumber, i.Category!.Code, i.Status.ToString(), i.CreatedAt))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The citizen's "status" list: a resolved report stays in it until closed (see <see cref="IssueStatuses.FinishedForCitizen"/>).</summary>
    public async Task<IReadOnlyList<IssueStatusView>> ListOpenForConversationAsync(Guid conversationId, CancellationToken cancellationToken) =>
        await db.Issues.AsNoTracking()
            .Where(i => !IssueStatuses.FinishedForCitizen.Contains(i.Status))
            .Where(i => i.ReporterConversationId == conversationId || i.Subscribers.Any(s => s.ConversationId == conversationId))
            .OrderByDescending(i => i.CreatedAt)
            .Take(10)
            .Select(i => new IssueStatusView(i.ReferenceNumber, i.Category!.Code, i.Status.ToString(), i.CreatedAt))
            .ToListAsync(cancellationToken);
}
