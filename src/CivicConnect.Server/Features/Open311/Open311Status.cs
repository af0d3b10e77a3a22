using CivicConnect.Data.Entities;

namespace CivicConnect.Server.Features.Open311;

/// <summary>The spec knows two states: <c>open</c> (reported, being worked) and <c>closed</c> (resolved or otherwise finished).</summary>
internal static class Open311Status
{
    public const string Open = "open";
    public const string Closed = "closed";

    public static string Of(IssueStatus status) => status.IsFinished() ? Closed : Open;
}
