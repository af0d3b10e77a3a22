using CivicConnect.Core.Hosting;
using CivicConnect.Data.Entities;
using CivicConnect.Workflow.Lifecycle;

namespace CivicConnect.Workflow.Tests.Lifecycle;

/// <summary>The machine on its own: every transition, every guard, what each transition records on the issue.</summary>
public sealed class IssueLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 17, 0, 0, TimeSpan.Zero);
    private static readonly IssueActor Staff = new("Dana", ActorKind.Staff, "roads");

    public static TheoryData<IssueStatus, IssueTrigger, IssueStatus> Transitions => new()
    {
        { IssueStatus.Received, IssueTrigger.Triage, IssueStatus.Triaged },
        { IssueStatus.Received, IssueTrigger.Assign, IssueStatus.Assigned },
        { IssueStatus.Received, IssueTrigger.MarkDuplicate, IssueStatus.Duplicate },
        { IssueStatus.Received, IssueTrigger.Reject, IssueStatus.Rejected },
        { IssueStatus.Received, IssueTrigger.CloseNotFixed, IssueStatus.ClosedNotFixed },
        { IssueStatus.Triaged, IssueTrigger.Assign, IssueStatus.Assigned },
        { IssueStatus.Triaged, IssueTrigger.MarkDuplicate, IssueStatus.Duplicate },
        { IssueStatus.Triaged, IssueTrigger.Reject, IssueStatus.Rejected },
        { IssueStatus.Triaged, IssueTrigger.CloseNotFixed, IssueStatus.ClosedNotFixed },
        { IssueStatus.Assigned, IssueTrigger.Assign, IssueStatus.Assigned },
        { IssueStatus.Assigned, IssueTrigger.Start, IssueStatus.InProgress },
        { IssueStatus.Assigned, IssueTrigger.Resolve, IssueStatus.Resolved },
        { IssueStatus.Assigned, IssueTrigger.MarkDuplicate, IssueStatus.Duplicate },
        { IssueStatus.Assigned, IssueTrigger.CloseNotFixed, IssueStatus.ClosedNotFixed },
        { IssueStatus.InProgress, IssueTrigger.Assign, IssueStatus.Assigned },
        { IssueStatus.InProgress, IssueTrigger.Resolve, IssueStatus.Resolved },
        { IssueStatus.InProgress, IssueTrigger.CloseNotFixed, IssueStatus.ClosedNotFixed },
        { IssueStatus.Resolved, IssueTrigger.Close, IssueStatus.Closed },
        { IssueStatus.Resolved, IssueTrigger.Reopen, IssueStatus.Reopened },
        { IssueStatus.Closed, IssueTrigger.Reopen, IssueStatus.Reopened },
        { IssueStatus.Duplicate, IssueTrigger.Reopen, IssueStatus.Reopened },
        { IssueStatus.Rejected, IssueTrigger.Reopen, IssueStatus.Reopened },
        { IssueStatus.ClosedNotFixed, IssueTrigger.Reopen, IssueStatus.Reopened },
        { IssueStatus.Reopened, IssueTrigger.Triage, IssueStatus.Triaged },
        { IssueStatus.Reopened, IssueTrigger.Assign, IssueStatus.Assigned },
        { IssueStatus.Reopened, IssueTrigger.Start, IssueStatus.InProgress },
        { IssueStatus.Reopened, IssueTrigger.Resolve, IssueStatus.Resolved },
        { IssueStatus.Reopened, IssueTrigger.CloseNotFixed, IssueStatus.ClosedNotFixed },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task Fire_ConfiguredTrigger_MovesTheIssue(IssueStatus from, IssueTrigger trigger, IssueStatus to)
    {
        var issue = NewIssue(from);

        await new IssueLifecycle(issue).FireAsync(trigger, Complete(trigger));

        Assert.Equal(to, issue.Status);
    }

    [Fact]
    public async Task Fire_EveryUnconfiguredPair_IsNotAllowedAndNamesThePossibleTriggers()
    {
        var configured = Transitions.Select(row => ((IssueStatus)row[0], (IssueTrigger)row[1])).ToHashSet();
        var checkedPairs = 0;
        foreach (var status in Enum.GetValues<IssueStatus>())
        {
            foreach (var trigger in Enum.GetValues<IssueTrigger>().Where(t => !configured.Contains((status, t))))
            {
                var issue = NewIssue(status);
                var error = await Assert.ThrowsAsync<TransitionNotAllowedException>(() => new IssueLifecycle(issue).FireAsync(trigger, Complete(trigger)));

                Assert.Equal(status, issue.Status);
                Assert.Equal(configured.Where(c => c.Item1 == status).Select(c => c.Item2).Order(), error.Allowed);
                checkedPairs++;
            }
        }

        Assert.Equal((10 * 9) - 28, checkedPairs);
    }

    [Fact]
    public async Task Resolve_WithoutANote_IsRefusedAndNothingChanges()
    {
        var issue = NewIssue(IssueStatus.InProgress);

        var error = await Assert.ThrowsAsync<TransitionDataException>(() => new IssueLifecycle(issue).FireAsync(IssueTrigger.Resolve, Request(new TransitionData { ResolutionNote = "  " })));

        Assert.Contains("resolutionNote", error.Errors.Keys);
        Assert.Equal(IssueStatus.InProgress, issue.Status);
        Assert.Null(issue.ResolutionNote);
    }

    [Theory]
    [InlineData(IssueTrigger.Reject)]
    [InlineData(IssueTrigger.CloseNotFixed)]
    public async Task RejectOrCloseNotFixed_WithoutAReason_IsRefused(IssueTrigger trigger)
    {
        var issue = NewIssue(IssueStatus.Triaged);

        var error = await Assert.ThrowsAsync<TransitionDataException>(() => new IssueLifecycle(issue).FireAsync(trigger, Request(TransitionData.None)));

        Assert.Contains("reason", error.Errors.Keys);
        Assert.Equal(IssueStatus.Triaged, issue.Status);
    }

    [Fact]
    public async Task MarkDuplicate_OfItself_IsRefused()
    {
        var issue = NewIssue(IssueStatus.Received);

        await Assert.ThrowsAsync<TransitionDataException>(() => new IssueLifecycle(issue).FireAsync(IssueTrigger.MarkDuplicate, Request(TransitionData.None) with { DuplicateOfId = issue.Id }));
    }

    [Fact]
    public async Task Assign_WithNeitherDepartmentNorPerson_IsRefused()
    {
        var issue = NewIssue(IssueStatus.Triaged);

        var error = await Assert.ThrowsAsync<TransitionDataException>(() => new IssueLifecycle(issue).FireAsync(IssueTrigger.Assign, Request(TransitionData.None)));

        Assert.Contains("department", error.Errors.Keys);
    }

    [Theory]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("http://crm.internal/hook")]
    public async Task Assign_ToALink_IsRefused_AndNothingChanges(string assignee)
    {
        var issue = NewIssue(IssueStatus.Triaged);

        var error = await Assert.ThrowsAsync<TransitionDataException>(() => new IssueLifecycle(issue).FireAsync(IssueTrigger.Assign, Request(new TransitionData { Assignee = assignee })));

        Assert.Contains("assignee", error.Errors.Keys);
        Assert.Equal(IssueStatus.Triaged, issue.Status);
        Assert.Null(issue.AssignedTo);
    }

    [Fact]
    public async Task Resolve_WithANote_RecordsTheNoteAndTime()
    {
        var issue = NewIssue(IssueStatus.InProgress);

        await new IssueLifecycle(issue).FireAsync(IssueTrigger.Resolve, Request(new TransitionData { ResolutionNote = " Patched with cold mix. " }));

        Assert.Equal("Patched with cold mix.", issue.ResolutionNote);
        Assert.Equal(Now, issue.ResolvedAt);
    }

    [Fact]
    public async Task CloseNotFixed_WithAReasonAndReferral_RecordsReasonAndWhoHandlesIt()
    {
        var issue = NewIssue(IssueStatus.Triaged);

        await new IssueLifecycle(issue).FireAsync(IssueTrigger.CloseNotFixed, Request(new TransitionData { Reason = "Power lines are not the city's", ReferredTo = "ENMAX" }));

        Assert.Equal("Power lines are not the city's", issue.StatusReason);
        Assert.Equal("ENMAX", issue.ReferredTo);
        Assert.Equal(Now, issue.ClosedAt);
    }

    [Fact]
    public async Task Assign_ToAnotherDepartment_MovesItAndClearsThePerson()
    {
        var issue = NewIssue(IssueStatus.Assigned);
        issue.DepartmentId = 1;
        issue.AssignedTo = "crew 7";

        await new IssueLifecycle(issue).FireAsync(IssueTrigger.Assign, Request(TransitionData.None) with { DepartmentId = 2 });

        Assert.Equal(2, issue.DepartmentId);
        Assert.Null(issue.AssignedTo);
    }

    [Theory]
    [InlineData(6.9, true)]
    [InlineData(7.1, false)]
    public async Task Reopen_ByTheCitizen_OnlyWithinSevenDaysOfResolution(double daysAfter, bool allowed)
    {
        var issue = NewIssue(IssueStatus.Resolved);
        issue.ResolvedAt = Now.AddDays(-daysAfter);
        var request = new TransitionRequest(TransitionData.None, IssueActor.Citizen("sms"), Now);

        var fire = () => new IssueLifecycle(issue).FireAsync(IssueTrigger.Reopen, request);

        if (allowed)
        {
            await fire();
            Assert.Equal(IssueStatus.Reopened, issue.Status);
        }
        else
        {
            await Assert.ThrowsAsync<TransitionForbiddenException>(fire);
            Assert.Equal(IssueStatus.Resolved, issue.Status);
        }
    }

    [Fact]
    public async Task Reopen_ByStaff_AnyTimeAfterResolution()
    {
        var issue = NewIssue(IssueStatus.Closed);
        issue.ResolvedAt = Now.AddDays(-60);

        await new IssueLifecycle(issue).FireAsync(IssueTrigger.Reopen, Request(TransitionData.None));

        Assert.Equal(IssueStatus.Reopened, issue.Status);
        Assert.Null(issue.ClosedAt);
    }

    [Fact]
    public async Task Reopen_ARejectedIssueByACitizen_IsForbidden()
    {
        var issue = NewIssue(IssueStatus.Rejected);

        await Assert.ThrowsAsync<TransitionForbiddenException>(() => new IssueLifecycle(issue).FireAsync(IssueTrigger.Reopen, new TransitionRequest(TransitionData.None, IssueActor.Citizen("sms"), Now)));
    }

    [Fact]
    public void ToMermaid_TheConfiguredMachine_MatchesTheReadme()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.RootDirectory, "README.md")).ReplaceLineEndings("\n");
        var section = readme.IndexOf("## Issue lifecycle", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no 'Issue lifecycle' section");
        var start = readme.IndexOf("```mermaid\n", section, StringComparison.Ordinal) + "```mermaid\n".Length;
        var end = readme.IndexOf("\n```", start, StringComparison.Ordinal);

        Assert.Equal(IssueLifecycle.ToMermaid().ReplaceLineEndings("\n").Trim(), readme[start..end].Trim());
    }

    private static Issue NewIssue(IssueStatus status) => new() { Id = 42, Status = status, Description = "pothole", Channel = "sms", ResolvedAt = Now.AddDays(-1) };

    private static TransitionRequest Request(TransitionData data) => new(data, Staff, Now);

    /// <summary>A request carrying everything any trigger needs.</summary>
    private static TransitionRequest Complete(IssueTrigger trigger) => Request(new TransitionData
    {
        ResolutionNote = "Filled",
        Reason = "Not a city asset",
        Assignee = "crew 7",
    }) with
    { DuplicateOfId = 7, DepartmentId = trigger == IssueTrigger.Assign ? 3 : null };
}
