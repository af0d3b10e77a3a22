using System.Text.Json;
using System.Text.Json.Serialization;
using CivicConnect.Intelligence.Definitions;

namespace CivicConnect.Intelligence.Tuning;

/// <summary>
/// What one classifier version holds: the text definition (descriptions, labelled examples, prompt
/// template) and the ids of the gallery photos it includes. Stored whole as jsonb in each version row.
/// The definition is served as stored (its number stays the one prompts/ gave it; the version number
/// lives in the row): built models are cached by content, so publishing a draft or rolling back to
/// an earlier version reuses the model already built for the same content.
/// </summary>
public sealed record ClassifierSnapshot(ClassifierDefinition Definition, IReadOnlyList<long> GalleryPhotoIds)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ClassifierSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<ClassifierSnapshot>(json, Json) ?? throw new JsonException("Empty classifier snapshot.");
}
