using CivicConnect.Integration.Tests.Admin;

namespace CivicConnect.Integration.Tests.Browser;

/// <summary>The console fixture with the publish gate measuring on the small labelled set (30 messages), so an evaluation takes seconds.</summary>
public sealed class SupervisorConsoleFixture : ConsoleFixture
{
    public SupervisorConsoleFixture() => Settings["Classifier:PublishGate:EvaluationSet"] = ClassifierPublishGateTests.GateSet;
}
