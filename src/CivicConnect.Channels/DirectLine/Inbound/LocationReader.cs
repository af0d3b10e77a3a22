using System.Text.Json;
using System.Text.Json.Nodes;
using CivicConnect.Core.Messages;

namespace CivicConnect.Channels.DirectLine.Inbound;

/// <summary>
/// Finds a shared location in an activity, in the forms Bot Framework clients use:
/// an entity <c>{"type":"GeoCoordinates","latitude":…,"longitude":…}</c> (device GPS),
/// an entity <c>{"type":"Place","geo":{…},"name":…}</c> (a picked place), or
/// <c>channelData.location {"latitude","longitude"}</c> (the city's app).
/// A location that is present but unusable is an error, not silently dropped: the citizen meant to send it.
/// </summary>
internal static class LocationReader
{
    private const string Field = "location";

    public static GeoLocation? Read(JsonObject activity, Dictionary<string, string[]> errors)
    {
        if (activity["entities"] is JsonArray entities)
        {
            foreach (var entity in entities.OfType<JsonObject>())
            {
                var type = (entity["type"] as JsonValue)?.GetValueKind() == JsonValueKind.String ? entity["type"]!.GetValue<string>() : null;
                if (string.Equals(type, "GeoCoordinates", StringComparison.OrdinalIgnoreCase))
                {
                    return Point(entity, LocationSource.DeviceGps, label: null, errors);
                }

                if (string.Equals(type, "Place", StringComparison.OrdinalIgnoreCase))
                {
                    if (entity["geo"] is not JsonObject geo)
                    {
                        errors[Field] = ["A 'Place' entity needs 'geo' with 'latitude' and 'longitude'."];
                        return null;
                    }

                    return Point(geo, LocationSource.Pin, Label(entity), errors);
                }
            }
        }

        if (activity["channelData"] is JsonObject channelData && channelData["location"] is { } location)
        {
            if (location is not JsonObject point)
            {
                errors[Field] = ["'channelData.location' must be an object with 'latitude' and 'longitude'."];
                return null;
            }

            return Point(point, LocationSource.DeviceGps, label: null, errors);
        }

        return null;
    }

    private static GeoLocation? Point(JsonObject point, LocationSource source, string? label, Dictionary<string, string[]> errors)
    {
        var latitude = Number(point["latitude"]);
        var longitude = Number(point["longitude"]);
        if (latitude is not { } lat || longitude is not { } lon)
        {
            errors[Field] = ["'latitude' and 'longitude' must both be numbers."];
            return null;
        }

        if (lat is < -90 or > 90 || lon is < -180 or > 180)
        {
            errors[Field] = ["'latitude' must be between -90 and 90 and 'longitude' between -180 and 180."];
            return null;
        }

        return new GeoLocation(lat, lon, label, source);
    }

    private static double? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var number) && double.IsFinite(number)
            ? number
            : null;

    private static string? Label(JsonObject place)
    {
        foreach (var name in new[] { "name", "address" })
        {
            if (place[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 and <= 300 } text)
            {
                return text;
            }
        }

        return null;
    }
}
