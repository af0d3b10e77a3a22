using System.Reflection;

namespace CivicConnect.Conversation.Engine.Steps;

/// <summary>
/// Every step class of the engine, found once by its <see cref="IntakeStepAttribute"/>: the
/// loader refuses an intake.json step no class answers to, and the engine registers them all.
/// </summary>
public static class IntakeSteps
{
    public static IReadOnlyDictionary<string, Type> ById { get; } = typeof(IIntakeStep).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntakeStep).IsAssignableFrom(t))
        .ToDictionary(IdOf, StringComparer.Ordinal);

    public static string IdOf(Type stepType) =>
        stepType.GetCustomAttribute<IntakeStepAttribute>()?.Id
        ?? throw new InvalidOperationException($"{stepType.Name} has no [IntakeStep(\"…\")] id");
}
