using CivicConnect.Integration.Tests.Infrastructure;
using static CivicConnect.Integration.Tests.Open311.Open311Client;

namespace CivicConnect.Integration.Tests.Open311;

/// <summary>GET services and service definitions, field by field against GeoReport v2, in JSON and XML.</summary>
public sealed class Open311ServiceTests(CivicAppFactory app) : IClassFixture<CivicAppFactory>
{
    private static readonly string[] ServiceFields = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"];
    private static readonly string[] AttributeFields = ["variable", "code", "datatype", "required", "datatype_description", "order", "description", "values"];

    [Fact]
    public async Task ListServices_Json_EveryActiveCategoryWithTheSpecFields()
    {
        var services = (await JsonAsync(await app.CreateClient().GetAsync("/open311/v2/services.json"))).EnumerateArray().ToList();

        Assert.True(services.Count >= 10, $"only {services.Count} services");
        Assert.All(services, s => Assert.Equal(ServiceFields, Names(s)));
        var pothole = services.Single(s => s.GetProperty("service_code").GetString() == "pothole");
        Assert.Equal("Pothole", pothole.GetProperty("service_name").GetString());
        Assert.StartsWith("A hole or broken patch", pothole.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(pothole.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", pothole.GetProperty("type").GetString());
        Assert.StartsWith("pothole, potholes, pot hole", pothole.GetProperty("keywords").GetString(), StringComparison.Ordinal);
        Assert.Equal("Roads", pothole.GetProperty("group").GetString());
    }

    [Fact]
    public async Task ListServices_XmlInFrench_SameFieldsAsElements()
    {
        var xml = await XmlAsync(await app.CreateClient().GetAsync("/open311/v2/services.xml?locale=fr"));

        Assert.Equal("services", xml.Root!.Name.LocalName);
        var services = xml.Root.Elements("service").ToList();
        Assert.All(services, s => Assert.Equal(ServiceFields, Names(s)));
        var pothole = services.Single(s => s.Element("service_code")!.Value == "pothole");
        Assert.Equal("Nid-de-poule", pothole.Element("service_name")!.Value);
        Assert.Equal("true", pothole.Element("metadata")!.Value);
        Assert.Equal("realtime", pothole.Element("type")!.Value);
        Assert.Equal("Routes", pothole.Element("group")!.Value);
    }

    [Fact]
    public async Task ServiceDefinition_Json_AttributesAreTheCategoryFollowUps()
    {
        var definition = await JsonAsync(await app.CreateClient().GetAsync("/open311/v2/services/pothole.json"));

        Assert.Equal(["service_code", "attributes"], Names(definition));
        Assert.Equal("pothole", definition.GetProperty("service_code").GetString());
        var attributes = definition.GetProperty("attributes").EnumerateArray().ToList();
        Assert.Equal(["in_lane", "size"], attributes.Select(a => a.GetProperty("code").GetString()));
        var inLane = attributes[0];
        Assert.Equal(AttributeFields, Names(inLane));
        Assert.True(inLane.GetProperty("variable").GetBoolean());
        Assert.Equal("singlevaluelist", inLane.GetProperty("datatype").GetString());
        Assert.True(inLane.GetProperty("required").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, inLane.GetProperty("datatype_description").ValueKind);
        Assert.Equal(1, inLane.GetProperty("order").GetInt32());
        Assert.Equal("Is it in a traffic lane?", inLane.GetProperty("description").GetString());
        var values = inLane.GetProperty("values").EnumerateArray().ToList();
        Assert.Equal(["key", "name"], Names(values[0]));
        Assert.Equal(["yes", "no"], values.Select(v => v.GetProperty("key").GetString()));
        Assert.Equal("Yes, in a traffic lane", values[0].GetProperty("name").GetString());
        Assert.False(attributes[1].GetProperty("required").GetBoolean());
        Assert.Equal(2, attributes[1].GetProperty("order").GetInt32());
    }

    [Fact]
    public async Task ServiceDefinition_Xml_AttributesWithValues()
    {
        var xml = await XmlAsync(await app.CreateClient().GetAsync("/open311/v2/services/pothole.xml"));

        Assert.Equal("service_definition", xml.Root!.Name.LocalName);
        Assert.Equal(["service_code", "attributes"], Names(xml.Root));
        var attribute = xml.Root.Element("attributes")!.Elements("attribute").First();
        Assert.Equal(AttributeFields, Names(attribute));
        Assert.Equal("in_lane", attribute.Element("code")!.Value);
        Assert.Equal("true", attribute.Element("required")!.Value);
        Assert.Equal(string.Empty, attribute.Element("datatype_description")!.Value);
        var values = attribute.Element("values")!.Elements("value").ToList();
        Assert.Equal(["key", "name"], Names(values[1]));
        Assert.Equal("no", values[1].Element("key")!.Value);
    }

    [Fact]
    public async Task ServiceDefinition_UnknownCode_Is404InTheSpecErrorFormat()
    {
        var client = app.CreateClient();

        await AssertJsonErrorAsync(await client.GetAsync("/open311/v2/services/no-such-thing.json"), 404, "service_code 'no-such-thing' was not found");
        await AssertXmlErrorAsync(await client.GetAsync("/open311/v2/services/no-such-thing.xml"), 404, "service_code 'no-such-thing' was not found");
    }

    [Fact]
    public async Task Services_AnotherFormat_Is404()
    {
        var response = await app.CreateClient().GetAsync("/open311/v2/services.html");

        await AssertXmlErrorAsync(response, 404, "format 'html'");
    }
}
