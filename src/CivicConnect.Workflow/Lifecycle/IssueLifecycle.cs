using CivicConnect.Data.Entities;
using Stateless;
using Stateless.Graph;

namespace CivicConnect.Workflow.Lifecycle;

/// <summary>
/// The life of one issue as a Stateless machine. The status lives on the <see cref="Issue"/>
/// (EF owns the column: external state storage); this class only decides which trigger may move
/// it where and records on the issue what each transition carries (note, reason, original…).
/// Every trigger is parameterised with a <see cref="TransitionRequest"/> and the trigger objects
/// stay private: the only way in is <see cref="FireAsync"/>.
/// </summary>
public sealed class IssueLifecycle
{
    /// <summary>How long after resolution a citizen's "NOT FIXED" still reopens the issue.</summary>
    public static readonly TimeSpan CitizenReopenWindow = TimeSpan.FromDays(7);

    private const string NoteGiven = "resolution note given";
    private const string ReasonGiven = "reason given";
    private const string OriginalGiven = "original issue given";
    private const string AssigneeGiven = "department or assignee given";
    private const string StaffOrCitizenInWindow = "staff, or citizen within 7 days";
    private const string StaffOnly = "staff only";

    private readonly Issue issue;
    private readonly StateMachine<IssueStatus, IssueTrigger> machine;
    private readonly Dictionary<IssueTrigger, StateMachine<IssueStatus, IssueTrigger>.TriggerWithParameters<TransitionRequest>> triggers;

    public IssueLifecycle(Issue issue)
    {
        this.issue = issue;
        machine = new StateMachine<IssueStatus, IssueTrigger>(() => issue.Status, status => issue.Status = status);
        triggers = Enum.GetValues<IssueTrigger>().ToDictionary(t => t, machine.SetTriggerParameters<TransitionRequest>);
        Configure();
    }

    /// <summary>The machine as a Mermaid state diagram (the README shows the same text).</summary>
    public static string ToMermaid() =>
        MermaidGraph.Format(new IssueLifecycle(new Issue { Description = string.Empty, Channel = string.Empty }).machine.GetInfo());

    /// <summary>The triggers an issue in <paramref name="status"/> has transitions for (guards not evaluated).</summary>
    public static IReadOnlyList<IssueTrigger> ConfiguredTriggers(IssueStatus status) =>
        new IssueLifecycle(new Issue { Status = status, Description = string.Empty, Channel = string.Empty }).ConfiguredTriggers();

    /// <summary>The triggers the current state has transitions for (guards not evaluated).</summary>
    public IReadOnlyList<IssueTrigger> ConfiguredTriggers() =>
        machine.GetInfo().States
            .Single(s => (IssueStatus)s.UnderlyingState == issue.Status)
            .Transitions.Select(t => (IssueTrigger)t.Trigger.UnderlyingTrigger)
            .Distinct()
            .Order()
            .ToList();

    /// <summary>Moves the issue, or throws: not possible in this state (409), data missing (400), actor not allowed (403).</summary>
    public async Task FireAsync(IssueTrigger trigger, TransitionRequest request)
    {
        // An assignee is a person (a name or a sign-in e-mail), never a link: reminders go to the
        // assignee, and a URL there would make the server call whatever address a user typed.
        if (trigger == IssueTrigger.Assign && request.Data.Assignee is { } assignee && assignee.Contains("://", StringComparison.Ordinal))
        {
            throw TransitionDataException.For(TriggerFields.Assignee, "An assignee is a person's name or e-mail address, not a link.");
        }

        var parameterised = triggers[trigger];
        if (!machine.CanFire(parameterised, request, out var unmetGuards))
        {
            var configured = ConfiguredTriggers();
            if (!configured.Contains(trigger))
            {
                throw new TransitionNotAllowedException(issue.Status, trigger, configured);
            }

            throw GuardFailure(trigger, unmetGuards);
        }

        await machine.FireAsync(parameterised, request);
    }

    private static Exception GuardFailure(IssueTrigger trigger, ICollection<string> unmet) => unmet.FirstOrDefault() switch
    {
        NoteGiven => TransitionDataException.For("resolutionNote", "Resolving needs a resolution note: it is what the citizen is told."),
        ReasonGiven => TransitionDataException.For("reason", $"{trigger} needs a reason: the citizen is told why."),
        OriginalGiven => TransitionDataException.For("duplicateOfReference", "Give the reference number of another existing issue this one duplicates."),
        AssigneeGiven => TransitionDataException.For("department", "Assigning needs a department or an assignee."),
        StaffOrCitizenInWindow => new TransitionForbiddenException("A citizen can reopen an issue only within 7 days of its resolution."),
        StaffOnly => new TransitionForbiddenException("Only city staff can reopen an issue in this state."),
        var other => TransitionDataException.For("trigger", other ?? $"{trigger} is not possible now."),
    };

    private void Configure()
    {
        var triage = triggers[IssueTrigger.Triage];
        var assign = triggers[IssueTrigger.Assign];
        var start = triggers[IssueTrigger.Start];
        var resolve = triggers[IssueTrigger.Resolve];
        var close = triggers[IssueTrigger.Close];
        var duplicate = triggers[IssueTrigger.MarkDuplicate];
        var reject = triggers[IssueTrigger.Reject];
        var notFixed = triggers[IssueTrigger.CloseNotFixed];
        var reopen = triggers[IssueTrigger.Reopen];

        machine.Configure(IssueStatus.Received)
            .Permit(triage.Trigger, IssueStatus.Triaged)
            .PermitIf(assign, IssueStatus.Assigned, HasAssignee, AssigneeGiven)
            .PermitIf(duplicate, IssueStatus.Duplicate, HasOriginal, OriginalGiven)
            .PermitIf(reject, IssueStatus.Rejected, HasReason, ReasonGiven)
            .PermitIf(notFixed, IssueStatus.ClosedNotFixed, HasReason, ReasonGiven);

        machine.Configure(IssueStatus.Triaged)
            .PermitIf(assign, IssueStatus.Assigned, HasAssignee, AssigneeGiven)
            .PermitIf(duplicate, IssueStatus.Duplicate, HasOriginal, OriginalGiven)
            .PermitIf(reject, IssueStatus.Rejected, HasReason, ReasonGiven)
            .PermitIf(notFixed, IssueStatus.ClosedNotFixed, HasReason, ReasonGiven);

        machine.Configure(IssueStatus.Assigned)
            .OnEntryFrom(assign, RecordAssignment)
            .PermitReentryIf(assign, HasAssignee, AssigneeGiven)
            .Permit(start.Trigger, IssueStatus.InProgress)
            .PermitIf(resolve, IssueStatus.Resolved, HasNote, NoteGiven)
            .PermitIf(duplicate, IssueStatus.Duplicate, HasOriginal, OriginalGiven)
            .PermitIf(notFixed, IssueStatus.ClosedNotFixed, HasReason, ReasonGiven);

        machine.Configure(IssueStatus.InProgress)
            .PermitIf(assign, IssueStatus.Assigned, HasAssignee, AssigneeGiven)
            .PermitIf(resolve, IssueStatus.Resolved, HasNote, NoteGiven)
            .PermitIf(notFixed, IssueStatus.ClosedNotFixed, HasReason, ReasonGiven);

        machine.Configure(IssueStatus.Resolved)
            .OnEntryFrom(resolve, RecordResolution)
            .Permit(close.Trigger, IssueStatus.Closed)
            .PermitIf(reopen, IssueStatus.Reopened, StaffOrCitizenWithinWindow, StaffOrCitizenInWindow);

        machine.Configure(IssueStatus.Closed)
            .OnEntryFrom(close, RecordClosing)
            .PermitIf(reopen, IssueStatus.Reopened, StaffOrCitizenWithinWindow, StaffOrCitizenInWindow);

        machine.Configure(IssueStatus.Duplicate)
            .OnEntryFrom(duplicate, RecordOriginal)
            .PermitIf(reopen, IssueStatus.Reopened, IsCityWorker, StaffOnly);

        machine.Configure(IssueStatus.Rejected)
            .OnEntryFrom(reject, RecordRejection)
            .PermitIf(reopen, IssueStatus.Reopened, IsCityWorker, StaffOnly);

        machine.Configure(IssueStatus.ClosedNotFixed)
            .OnEntryFrom(notFixed, RecordReferral)
            .PermitIf(reopen, IssueStatus.Reopened, IsCityWorker, StaffOnly);

        machine.Configure(IssueStatus.Reopened)
            .OnEntryFrom(reopen, ClearClosing)
            .Permit(triage.Trigger, IssueStatus.Triaged)
            .PermitIf(assign, IssueStatus.Assigned, HasAssignee, AssigneeGiven)
            .Permit(start.Trigger, IssueStatus.InProgress)
            .PermitIf(resolve, IssueStatus.Resolved, HasNote, NoteGiven)
            .PermitIf(notFixed, IssueStatus.ClosedNotFixed, HasReason, ReasonGiven);
    }

    // Entry actions: what each transition records on the issue. Named, so the diagram says what they do.
    private void RecordResolution(TransitionRequest request)
    {
        issue.ResolutionNote = request.Data.ResolutionNote!.Trim();
        issue.ResolvedAt = request.At;
    }

    private void RecordClosing(TransitionRequest request) => issue.ClosedAt = request.At;

    private void RecordOriginal(TransitionRequest request)
    {
        issue.DuplicateOfId = request.DuplicateOfId;
        issue.ClosedAt = request.At;
    }

    private void RecordRejection(TransitionRequest request)
    {
        issue.StatusReason = request.Data.Reason!.Trim();
        issue.ClosedAt = request.At;
    }

    private void RecordReferral(TransitionRequest request)
    {
        issue.StatusReason = request.Data.Reason!.Trim();
        issue.ReferredTo = string.IsNullOrWhiteSpace(request.Data.ReferredTo) ? null : request.Data.ReferredTo.Trim();
        issue.ClosedAt = request.At;
    }

    private void ClearClosing(TransitionRequest _)
    {
        issue.ClosedAt = null;
        issue.DuplicateOfId = null;
    }

    private void RecordAssignment(TransitionRequest request)
    {
        if (request.DepartmentId is { } department && department != issue.DepartmentId)
        {
            issue.DepartmentId = department;

            // A new department picks its own person.
            issue.AssignedTo = null;
        }

        if (!string.IsNullOrWhiteSpace(request.Data.Assignee))
        {
            issue.AssignedTo = request.Data.Assignee.Trim();
        }
    }

    private static bool HasNote(TransitionRequest request) => !string.IsNullOrWhiteSpace(request.Data.ResolutionNote);

    private static bool HasReason(TransitionRequest request) => !string.IsNullOrWhiteSpace(request.Data.Reason);

    private static bool HasAssignee(TransitionRequest request) => request.DepartmentId is not null || !string.IsNullOrWhiteSpace(request.Data.Assignee);

    private static bool IsCityWorker(TransitionRequest request) => request.Actor.IsCityWorker;

    private bool HasOriginal(TransitionRequest request) => request.DuplicateOfId is { } original && original != issue.Id;

    private bool StaffOrCitizenWithinWindow(TransitionRequest request) =>
        request.Actor.IsCityWorker || request.Actor.Kind == ActorKind.System
        || (issue.ResolvedAt is { } resolved && request.At - resolved <= CitizenReopenWindow);
}
