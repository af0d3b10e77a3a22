using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;

namespace CivicConnect.Workflow.Events;

/// <summary>
/// A report event as a CloudEvents 1.0 structured-mode JSON document (<see cref="ContentType"/>):
/// <c>specversion</c>, a new <c>id</c>, <c>source</c>, <c>type</c>, <c>subject</c> = the reference
/// number, <c>time</c>, <c>datacontenttype</c> application/json and <c>data</c> (camelCase, enums as words).
/// </summary>
public static class ReportEventEncoding
{
    public const string ContentType = "application/cloudevents+json";

    private static readonly JsonSerializerOptions DataOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly JsonEventFormatter Formatter = new(DataOptions, default);

    public static string Encode(string type, string source, DateTimeOffset time, ReportEventData data)
    {
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0)
        {
            // Made once per change, before any subscriber is written: the same id to all, and on every retry.
            Id = Guid.CreateVersion7(time).ToString(),
            Type = type,
            Source = new Uri(source, UriKind.RelativeOrAbsolute),
            Subject = data.Reference.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Time = time,
            DataContentType = "application/json",
            Data = data,
        };
        return Encoding.UTF8.GetString(Formatter.EncodeStructuredModeMessage(cloudEvent, out _).Span);
    }

    /// <summary>Reads an event back (receivers written in .NET, and the tests).</summary>
    public static CloudEvent Decode(ReadOnlyMemory<byte> body) =>
        Formatter.DecodeStructuredModeMessage(body, new System.Net.Mime.ContentType(ContentType), extensionAttributes: null);
}
