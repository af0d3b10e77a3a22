namespace CivicConnect.Core.Security;

/// <summary>Authorization policy names used by endpoint groups (<c>RequireAuthorization(CivicPolicies.Staff)</c>).</summary>
public static class CivicPolicies
{
    /// <summary>Any signed-in city worker: staff, supervisor or field worker.</summary>
    public const string Staff = "staff";

    /// <summary>Office staff and supervisors, not field workers (e.g. reading reporters' contact details).</summary>
    public const string Office = "office";

    /// <summary>Supervisors only: the <c>/admin</c> API.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Who may answer hand-offs: agents (all), staff (their department's), supervisors.</summary>
    public const string HandOffs = "handoffs";

    /// <summary>The console's policies: the same roles, signed in with the console's cookie (never a bearer token).</summary>
    public const string ConsoleStaff = "console-staff";

    public const string ConsoleOffice = "console-office";

    public const string ConsoleSupervisor = "console-supervisor";

    public const string ConsoleHandOffs = "console-handoffs";
}
