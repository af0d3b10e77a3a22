using CivicConnect.Conversation.Dialogs;
using CivicConnect.Conversation.Engine.Steps;
using CivicConnect.Core.Hosting;

namespace CivicConnect.Conversation.Tests;

public sealed class IntakeStepsTests
{
    [Fact]
    public void ShippedIntake_EveryStepHasItsClass_AndEveryStepClassIsUsed()
    {
        var shipped = DialogLoader.Load(RepositoryPaths.Dialogs).Intake.Steps.Select(s => s.Id).Order(StringComparer.Ordinal);

        Assert.Equal(shipped, IntakeSteps.ById.Keys.Order(StringComparer.Ordinal));
    }
}
