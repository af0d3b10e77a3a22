using System.Text;
using System.Text.Json;

namespace CivicConnect.Staff.Map;

/// <summary>Ward shapes as one GeoJSON FeatureCollection (code, name, openReports in each feature's properties).</summary>
public static class WardGeoJson
{
    public static string Write(IEnumerable<WardShape> wards)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
            foreach (var ward in wards)
            {
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WritePropertyName("geometry");

                // PostGIS wrote it (ST_AsGeoJSON): already a GeoJSON geometry object.
                json.WriteRawValue(ward.Geometry, skipInputValidation: true);
                json.WriteStartObject("properties");
                json.WriteString("code", ward.Code);
                json.WriteString("name", ward.Name);
                json.WriteNumber("openReports", ward.OpenReports);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
