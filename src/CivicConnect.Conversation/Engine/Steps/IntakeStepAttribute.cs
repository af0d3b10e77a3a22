namespace CivicConnect.Conversation.Engine.Steps;

/// <summary>Names the step as <c>dialogs/intake.json</c> does (<c>"id": "location"</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class IntakeStepAttribute(string id) : Attribute
{
    public string Id { get; } = id;
}
