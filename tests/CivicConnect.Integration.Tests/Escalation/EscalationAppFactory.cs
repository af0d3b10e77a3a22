using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CivicConnect.Integration.Tests.Escalation;

/// <summary>
/// A node whose pothole rule has a 4-second SLA, so a real deadline passes during the test; the
/// next escalation is far away, so each test sees exactly the first one. Quartz checks in every second.
/// </summary>
public class EscalationAppFactory : CivicAppFactory
{
    public const double SlaHours = 4.0 / 3600;

    public EscalationAppFactory()
    {
        Settings["Escalation:ClusterCheckinInterval"] = "00:00:01";
        Settings["Escalation:RepeatFraction"] = "100";
        Settings["Messaging:OutboxPollInterval"] = "00:10:00";
    }
}

/// <summary>A second node of the same deployment, on the first one's database.</summary>
public sealed class SecondEscalationNode(EscalationAppFactory first) : EscalationAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Civic", first.Database.ConnectionString);
    }
}
