using System.Text.Json;
using System.Text.Json.Serialization;
using CivicConnect.Core.Issues;

namespace CivicConnect.Intelligence.Llm;

/// <summary>The JSON the prompt asks for. Anything else (prose, a partial object) is refused.</summary>
internal sealed record LlmAnswer(
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("confidence")] double? Confidence,
    [property: JsonPropertyName("priority")] string? Priority,
    [property: JsonPropertyName("location_text")] string? LocationText,
    [property: JsonPropertyName("summary")] string? Summary)
{
    /// <summary>Reads the first JSON object in the reply (some models wrap it in a code fence).</summary>
    public static LlmAnswer? Parse(string? reply)
    {
        if (string.IsNullOrWhiteSpace(reply))
        {
            return null;
        }

        var start = reply.IndexOf('{', StringComparison.Ordinal);
        var end = reply.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<LlmAnswer>(reply[start..(end + 1)]);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
