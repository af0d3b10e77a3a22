namespace CivicConnect.Core.Issues;

/// <summary>How soon a problem needs attention: shared by the issue, the service category, the classifier and the dialog draft.</summary>
public enum Priority
{
    Low,
    Normal,
    High,
    Urgent,
}
