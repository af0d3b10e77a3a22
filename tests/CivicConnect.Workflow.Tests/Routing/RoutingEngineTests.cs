using CivicConnect.Core.Issues;
using CivicConnect.Data.Entities;
using CivicConnect.Workflow.Routing;

namespace CivicConnect.Workflow.Tests.Routing;

public sealed class RoutingEngineTests
{
    private static readonly RoutingRuleSet Rules = new()
    {
        Rules =
        [
            new RoutingRule { Name = "Flooding", Match = new RoutingMatch { Categories = ["water-leak"], Keywords = ["flooding", "main break"] }, Then = new RoutingOutcome { Priority = Priority.Urgent, SlaHours = 2 } },
            new RoutingRule { Name = "Ward 7 water", Match = new RoutingMatch { Categories = ["water-leak"], Wards = ["7"] }, Then = new RoutingOutcome { Department = "CSC", SlaHours = 10 } },
            new RoutingRule { Name = "Night", Match = new RoutingMatch { TimeOfDay = "22:00-07:00" }, Then = new RoutingOutcome { Department = "BYLAW", Alert = ["night@calgary.example"] } },
        ],
        Default = new RoutingOutcome { Alert = ["dispatch@calgary.example"] },
    };

    private static RoutingInput Input(string category = "water-leak", string? ward = "7", string description = "water everywhere", int hour = 12) =>
        new(category, "WATER", Priority.Normal, 4, ward, description, new TimeOnly(hour, 0));

    [Fact]
    public void Route_SeveralRulesMatch_TheFirstWins()
    {
        var decision = RoutingEngine.Route(Rules, Input(description: "Basement FLOODING, main break on the street"));

        Assert.Equal("Flooding", decision.Rule);
        Assert.Equal("WATER", decision.Department);
        Assert.Equal(Priority.Urgent, decision.Priority);
        Assert.Equal(2, decision.SlaHours);
        Assert.Equal(["dispatch@calgary.example"], decision.Alert);
    }

    [Fact]
    public void Route_KeywordsInsideLongerWords_DoNotMatch()
    {
        Assert.Equal("Ward 7 water", RoutingEngine.Route(Rules, Input(description: "mainbreakers tripped, floodingly wet")).Rule);
    }

    [Fact]
    public void Route_NoRuleMatches_TheDefaultAndTheCategoryDecide()
    {
        var decision = RoutingEngine.Route(Rules, Input(category: "pothole", ward: null));

        Assert.Null(decision.Rule);
        Assert.Equal("WATER", decision.Department);
        Assert.Equal(Priority.Normal, decision.Priority);
        Assert.Equal(4, decision.SlaHours);
    }

    [Theory]
    [InlineData(23, "Night")]
    [InlineData(3, "Night")]
    [InlineData(7, null)]
    [InlineData(21, null)]
    public void Route_TimeOfDayWindowAcrossMidnight_MatchesOnBothSides(int hour, string? rule)
    {
        Assert.Equal(rule, RoutingEngine.Route(Rules, Input(category: "pothole", hour: hour)).Rule);
    }
}
