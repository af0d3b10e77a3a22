using CivicConnect.Core.Messages;
using CivicConnect.Data.Entities;

namespace CivicConnect.Workflow.DepartmentAlerts;

/// <summary>Where a department's alerts go: its contact address by mail and its own system by signed webhook, as for escalations.</summary>
internal static class DepartmentRecipients
{
    public static IEnumerable<(string Channel, string Address)> Of(Department department)
    {
        if (department.ContactEmail is { Length: > 0 } mail)
        {
            yield return (ChannelIds.Mail, mail);
        }

        if (department.WebhookUrl is { Length: > 0 } webhook)
        {
            yield return (ChannelIds.Webhook, webhook);
        }
    }
}
