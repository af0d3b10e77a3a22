using System.Text.Json;
using System.Text.Json.Serialization;

namespace CivicConnect.Workflow.Routing;

/// <summary>One JSON shape for the rules file, the database and the admin API: camelCase, enums as words ("urgent", "friday").</summary>
public static class RoutingJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static RoutingRuleSet Read(string json) =>
        JsonSerializer.Deserialize<RoutingRuleSet>(json, Options) ?? throw new JsonException("The routing rules are empty.");

    public static string Write(RoutingRuleSet rules) => JsonSerializer.Serialize(rules, Options);
}
