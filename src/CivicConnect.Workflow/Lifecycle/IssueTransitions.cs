using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Data.UnitOfWork;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CivicConnect.Workflow.Lifecycle;

/// <summary>
/// The one way an issue changes state. In one database transaction (the caller's, when a turn
/// already opened one): load the issue, check who acts, fire the trigger, write the history
/// line, let every <see cref="IIssueTransitionListener"/> add its part, save. The issue's
/// <c>xmin</c> token serialises concurrent transitions: the loser's update matches no row,
/// <see cref="DbUpdateConcurrencyException"/> rolls it all back, and the API answers 409.
/// <see cref="IIssueTransitionCommittedListener"/>s run only after the commit: right after it when
/// the transaction is this call's own, else through <see cref="AfterCommit"/> when the caller commits.
/// </summary>
public sealed class IssueTransitions(
    CivicDbContext db,
    IEnumerable<IIssueTransitionListener> listeners,
    IEnumerable<IIssueTransitionCommittedListener> committedListeners,
    AfterCommit afterCommit,
    TimeProvider clock,
    ILogger<IssueTransitions> logger)
{
    /// <summary>Field workers do the work on site: they may start and resolve their department's issues, nothing else.</summary>
    private static readonly IssueTrigger[] FieldWorkerTriggers = [IssueTrigger.Start, IssueTrigger.Resolve];

    public Task<TransitionResult> FireAsync(long issueId, IssueTrigger trigger, TransitionData data, IssueActor actor, CancellationToken cancellationToken) =>
        FireAsync(issueId, trigger, data, actor, expectedVersion: null, cancellationToken);

    /// <param name="expectedVersion">
    /// The <see cref="Issue.Version"/> the caller saw (a page loaded, an If-Match sent): if the issue
    /// changed since, <see cref="IssueChangedException"/> and nothing is written. Null: act on the issue as it is now.
    /// </param>
    public async Task<TransitionResult> FireAsync(long issueId, IssueTrigger trigger, TransitionData data, IssueActor actor, uint? expectedVersion, CancellationToken cancellationToken)
    {
        var ownTransaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        await using (ownTransaction)
        {
            var issue = await db.Issues.Include(i => i.Department)
                .SingleOrDefaultAsync(i => i.Id == issueId, cancellationToken)
                ?? throw new IssueNotFoundException(issueId);
            if (expectedVersion is { } expected)
            {
                if (issue.Version != expected)
                {
                    throw new IssueChangedException(issue.Id, issue.ReferenceNumber);
                }

                // The UPDATE checks the same token, so a change landing between this read and the save loses too.
                db.Entry(issue).Property(i => i.Version).OriginalValue = expected;
            }

            EnsureMayAct(issue, trigger, actor);

            var now = clock.GetUtcNow();
            var request = new TransitionRequest(data, actor, now)
            {
                DuplicateOfId = await FindOriginalAsync(data, cancellationToken),
                DepartmentId = await FindDepartmentAsync(data, cancellationToken),
            };

            var from = issue.Status;
            await new IssueLifecycle(issue).FireAsync(trigger, request);
            issue.UpdatedAt = now;

            var history = issue.AddHistory(IssueEventKinds.Transition, actor.Name, from, Truncate(data.Comment ?? Summary(trigger, data, issue), 4000), data.Public, now);

            var context = new IssueTransitionContext(issue, trigger, from, issue.Status, data, actor, history, now);
            foreach (var listener in listeners)
            {
                await listener.OnTransitionedAsync(context, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            if (ownTransaction is null)
            {
                // The caller's transaction: its owner runs these after its own commit, or drops them.
                foreach (var listener in committedListeners)
                {
                    afterCommit.Add(ct => listener.OnCommittedAsync(context, ct));
                }
            }
            else
            {
                await ownTransaction.CommitAsync(cancellationToken);
                await RunCommittedListenersAsync(context);
            }

            return new TransitionResult(issue.Id, issue.ReferenceNumber, from, issue.Status, history.Id);
        }
    }

    /// <summary>
    /// The transition is durable whatever happens here, so neither a failing listener nor a client that
    /// went away in the meantime may stop the rest (hence no request token): each is tried and logged.
    /// </summary>
    private async Task RunCommittedListenersAsync(IssueTransitionContext context)
    {
        foreach (var listener in committedListeners)
        {
            try
            {
                await listener.OnCommittedAsync(context, CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "After issue #{Reference} went {From} → {To}, {Listener} failed; the transition stands", context.Issue.ReferenceNumber, context.From, context.To, listener.GetType().Name);
            }
        }
    }

    /// <summary>
    /// Staff act on their own department's issues, supervisors and the system on any, field workers
    /// only start and resolve, citizens only reopen (the caller checks it is their issue).
    /// </summary>
    public static void EnsureMayAct(Issue issue, IssueTrigger trigger, IssueActor actor)
    {
        switch (actor.Kind)
        {
            case ActorKind.Supervisor or ActorKind.System:
                return;
            case ActorKind.Citizen when trigger == IssueTrigger.Reopen:
                return;
            case ActorKind.Citizen:
                throw new TransitionForbiddenException("A citizen can only reopen their own issue.");
            case ActorKind.FieldWorker when !FieldWorkerTriggers.Contains(trigger):
                throw new TransitionForbiddenException($"Field workers can only {string.Join(" and ", FieldWorkerTriggers)} issues.");
        }

        EnsureOwnDepartment(issue, actor);
    }

    /// <summary>
    /// The triggers <paramref name="actor"/> may fire on an issue now: those the state machine has
    /// from its status (Stateless), less those the actor's role or department rules out. Data a
    /// trigger needs (a note, a reason) is asked for when it is fired; see <see cref="TriggerFields"/>.
    /// </summary>
    public static IReadOnlyList<IssueTrigger> PossibleTriggers(Issue issue, IssueActor actor) =>
        IssueLifecycle.ConfiguredTriggers(issue.Status).Where(trigger => MayAct(issue, trigger, actor)).ToList();

    /// <summary><see cref="PossibleTriggers(Issue, IssueActor)"/> for an issue read without tracking (a list row).</summary>
    public static IReadOnlyList<IssueTrigger> PossibleTriggers(IssueStatus status, string? departmentCode, IssueActor actor) =>
        PossibleTriggers(
            new Issue
            {
                Status = status,
                Description = string.Empty,
                Channel = string.Empty,
                Department = departmentCode is null ? null : new Department { Code = departmentCode, Name = [] },
            },
            actor);

    private static bool MayAct(Issue issue, IssueTrigger trigger, IssueActor actor)
    {
        try
        {
            EnsureMayAct(issue, trigger, actor);
            return true;
        }
        catch (TransitionForbiddenException)
        {
            return false;
        }
    }

    /// <summary>Staff and field workers work their own department's issues only.</summary>
    public static void EnsureOwnDepartment(Issue issue, IssueActor actor)
    {
        if (actor.Kind is ActorKind.Supervisor or ActorKind.System)
        {
            return;
        }

        if (issue.Department is { } owner && !string.Equals(owner.Code, actor.Department, StringComparison.OrdinalIgnoreCase))
        {
            throw new TransitionForbiddenException($"Issue #{issue.ReferenceNumber} belongs to the '{owner.Code}' department; only its staff or a supervisor may act on it.");
        }
    }

    private async Task<long?> FindOriginalAsync(TransitionData data, CancellationToken cancellationToken)
    {
        if (data.DuplicateOfReference is not { } reference)
        {
            return null;
        }

        var id = await db.Issues.Where(i => i.ReferenceNumber == reference).Select(i => (long?)i.Id).SingleOrDefaultAsync(cancellationToken);
        return id ?? throw TransitionDataException.For("duplicateOfReference", $"There is no issue #{reference}.");
    }

    private async Task<int?> FindDepartmentAsync(TransitionData data, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(data.Department))
        {
            return null;
        }

        var code = data.Department.Trim();
        var id = await db.Departments.Where(d => d.Code == code).Select(d => (int?)d.Id).SingleOrDefaultAsync(cancellationToken);
        return id ?? throw TransitionDataException.For("department", $"There is no department '{code}'.");
    }

    private static string? Summary(IssueTrigger trigger, TransitionData data, Issue issue) => trigger switch
    {
        IssueTrigger.Resolve => data.ResolutionNote,
        IssueTrigger.Reject => data.Reason,
        IssueTrigger.CloseNotFixed => data.ReferredTo is null ? data.Reason : $"{data.Reason} (handled by {data.ReferredTo})",
        IssueTrigger.MarkDuplicate => $"Duplicate of #{data.DuplicateOfReference}",
        IssueTrigger.Assign => $"Assigned to {data.Department ?? issue.Department?.Code}{(issue.AssignedTo is null ? string.Empty : " / " + issue.AssignedTo)}",
        _ => null,
    };

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}

public sealed record TransitionResult(long IssueId, int ReferenceNumber, IssueStatus From, IssueStatus To, long EventId);
