using System.Globalization;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Integration.Tests.Location;
using Microsoft.EntityFrameworkCore;
using static CivicConnect.Integration.Tests.Open311.Open311Client;

namespace CivicConnect.Integration.Tests.Open311;

/// <summary>POST and GET service requests: the same intake as the conversation, the spec's fields and errors.</summary>
public sealed class Open311RequestTests(Open311RequestTests.App app) : IClassFixture<Open311RequestTests.App>
{
    private static readonly string[] RequestFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
        "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
        "lat", "long", "media_url",
    ];

    public sealed class App : CivicAppFactory
    {
        public App() => Settings["Open311:ApiKeys:0"] = Key;
    }

    [Fact]
    public async Task PostRequest_WithLatLong_CreatesAnIssueThroughTheIntake()
    {
        var response = await PostAsync(app.CreateClient(), "json", Pothole(("email", "pat@example.org"), ("first_name", "Pat"), ("account_id", "acct-7"), ("media_url", "https://photos.example.org/1.jpg")));

        Assert.Equal(200, (int)response.StatusCode);
        var created = Assert.Single((await JsonAsync(response)).EnumerateArray().ToList());
        Assert.Equal(["service_request_id", "service_notice", "account_id"], Names(created));
        var reference = int.Parse(created.GetProperty("service_request_id").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal("acct-7", created.GetProperty("account_id").GetString());
        // Roads counts its 72 h in working hours (deploy/routing-rules.json): due Friday 4 December at noon.
        Assert.Equal("Sent to Roads. Expected by 2026-12-04 12:00.", created.GetProperty("service_notice").GetString());

        await using var db = app.CreateDbContext();
        var issue = await db.Issues.Include(i => i.Department).SingleAsync(i => i.ReferenceNumber == reference);
        Assert.Equal("open311", issue.Channel);
        Assert.Equal(IssueStatus.Received, issue.Status);
        Assert.Equal("ROADS", issue.Department!.Code);
        Assert.NotNull(issue.WardId);
        Assert.NotNull(issue.Deadline);
        Assert.Null(issue.ReporterConversationId);
        Assert.Equal(new Dictionary<string, string> { ["in_lane"] = "yes", ["size"] = "large" }, issue.Attributes);
        var sender = await db.Open311Requests.SingleAsync(r => r.IssueId == issue.Id);
        Assert.Equal("pat@example.org", sender.Email);
        Assert.Equal("Pat", sender.FirstName);
        Assert.Equal("key-0", sender.Client);
    }

    [Fact]
    public async Task PostRequest_AddressString_IsPlacedByTheLocator()
    {
        var response = await PostAsync(app.CreateClient(), "xml",
            ("api_key", Key), ("service_code", "illegal-dumping"), ("address_string", "Calgary City Hall"), ("description", "Tag on the east wall"));

        var xml = await XmlAsync(response);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        var request = Assert.Single(xml.Root.Elements("request"));
        Assert.Equal(["service_request_id", "service_notice", "account_id"], Names(request));
        Assert.Equal(string.Empty, request.Element("account_id")!.Value);
        var reference = int.Parse(request.Element("service_request_id")!.Value, CultureInfo.InvariantCulture);

        await using var db = app.CreateDbContext();
        var issue = await db.Issues.SingleAsync(i => i.ReferenceNumber == reference);
        Assert.Equal("Calgary City Hall", issue.AddressText);
        Assert.NotNull(issue.WardId);
    }

    [Fact]
    public async Task PostRequest_AddressStringAnIntersection_IsPlacedFromTheStreetGazetteer()
    {
        var response = await PostAsync(app.CreateClient(), "json",
            ("api_key", Key), ("service_code", "illegal-dumping"), ("address_string", "Macleod Trail and Heritage Drive SE"), ("description", "Mattress on the boulevard"));

        Assert.Equal(200, (int)response.StatusCode);
        await using var db = app.CreateDbContext();
        var issue = await db.Issues.OrderByDescending(i => i.Id).FirstAsync();
        Assert.Equal("Macleod Trail SE & Heritage Dr SE", issue.AddressText);
        Assert.NotNull(issue.WardId);
    }

    [Fact]
    public async Task PostRequest_AddressStringSeveralPlacesOrACommunity_IsRefusedWithWhatWouldSettleIt()
    {
        var client = app.CreateClient();

        await AssertJsonErrorAsync(
            await PostAsync(client, "json", ("api_key", Key), ("service_code", "illegal-dumping"), ("address_string", "17 ave and 4 st"), ("description", "x")),
            400,
            "matches several places");
        await AssertJsonErrorAsync(
            await PostAsync(client, "json", ("api_key", Key), ("service_code", "illegal-dumping"), ("address_string", "Bowness"), ("description", "x")),
            400,
            "names the whole community of Bowness");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task PostRequest_WithoutOrWithAWrongApiKey_Is403(string format)
    {
        var client = app.CreateClient();
        var withoutKey = Pothole().Where(f => f.Name != "api_key").ToArray();
        var wrongKey = Pothole().Select(f => f.Name == "api_key" ? (f.Name, "not-the-key") : f).ToArray();

        if (format == "json")
        {
            await AssertJsonErrorAsync(await PostAsync(client, format, withoutKey), 403, "api_key was not provided");
            await AssertJsonErrorAsync(await PostAsync(client, format, wrongKey), 403, "api_key is not valid");
        }
        else
        {
            await AssertXmlErrorAsync(await PostAsync(client, format, withoutKey), 403, "api_key was not provided");
            await AssertXmlErrorAsync(await PostAsync(client, format, wrongKey), 403, "api_key is not valid");
        }
    }

    [Theory]
    [InlineData("start_date=9999-12-31T00:00:00Z", "start_date")]
    [InlineData("end_date=0001-01-01T00:00:00Z", "end_date")]
    [InlineData("start_date=9999-12-01T00:00:00Z&end_date=9999-12-31T23:59:59Z", "start_date")]
    public async Task ListRequests_DateNearTheEndsOfTime_IsA400(string query, string field)
    {
        var response = await app.CreateClient().GetAsync("/open311/v2/requests.json?" + query);

        await AssertJsonErrorAsync(response, 400, $"{field} must be between the years 1900 and 9000");
    }

    [Fact]
    public async Task PostRequest_BodyOverTheLimit_Is413ProblemAndCreatesNothing()
    {
        await using var db = app.CreateDbContext();
        var issuesBefore = await db.Issues.CountAsync();

        var response = await PostAsync(app.CreateClient(), "json", Pothole(("padding", new string('x', 80 * 1024))));

        Assert.Equal(413, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(issuesBefore, await db.Issues.CountAsync());
    }

    [Fact]
    public async Task HostileInput_FoundByTheFuzzer_Is400AndCreatesNothing()
    {
        // Each of these answered 500 in `civic loadgen --mode fuzz` (issue #16): a form key over the
        // form reader's 2 KB, a NUL in a posted field (PostgreSQL text cannot hold one), a NUL in a filter.
        await using var db = app.CreateDbContext();
        var issuesBefore = await db.Issues.CountAsync();
        var client = app.CreateClient();

        await AssertJsonErrorAsync(await PostAsync(client, "json", Pothole(("attribute[" + new string('A', 3_000) + "]", "x"))), 400, "the form could not be read");
        await AssertJsonErrorAsync(await PostAsync(client, "json", Pothole().Select(f => f.Name == "description" ? (f.Name, "deep\0hole") : f).ToArray()), 400, "description may not contain a NUL character");
        await AssertJsonErrorAsync(await client.GetAsync("/open311/v2/requests.json?service_code=a%00b"), 400, "service_code may not contain a NUL character");
        Assert.Equal(issuesBefore, await db.Issues.CountAsync());
    }

    [Fact]
    public async Task PostRequest_WrongKeyInTheQuery_Is403BeforeTheBodyIsRead()
    {
        // The body is over the limit and carries the right key: only a key check before reading answers 403 here.
        var form = new FormUrlEncodedContent(Pothole(("padding", new string('x', 80 * 1024))).Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

        var response = await app.CreateClient().PostAsync("/open311/v2/requests.json?api_key=not-the-key", form);

        await AssertJsonErrorAsync(response, 403, "api_key is not valid");
    }

    [Fact]
    public async Task PostRequest_BadInput_IsTheSpecsRefusal()
    {
        var client = app.CreateClient();
        (string, string)[] Without(string name) => Pothole().Where(f => f.Name != name).ToArray();
        (string, string)[] With(string name, string value) => Pothole().Select(f => f.Name == name ? (f.Name, value) : f).ToArray();

        await AssertJsonErrorAsync(await PostAsync(client, "json", With("service_code", "unicorns")), 404, "service_code 'unicorns' was not found");
        await AssertJsonErrorAsync(await PostAsync(client, "json", Without("service_code")), 400, "service_code was not provided");
        await AssertJsonErrorAsync(await PostAsync(client, "json", Without("lat").Where(f => f.Item1 != "long").ToArray()), 400, "a location was not provided");
        await AssertJsonErrorAsync(await PostAsync(client, "json", Without("long")), 400, "lat and long must both be sent");
        await AssertJsonErrorAsync(await PostAsync(client, "json", With("lat", "49.0")), 400, "outside the city limits");
        await AssertJsonErrorAsync(await PostAsync(client, "json", Without("attribute[in_lane]")), 400, "attribute[in_lane] is required");
        await AssertXmlErrorAsync(await PostAsync(client, "xml", With("attribute[size]", "enormous")), 400, "attribute[size] has no value 'enormous'");
        await AssertXmlErrorAsync(await PostAsync(client, "xml", [.. Pothole(), ("media_url", "javascript:alert(1)")]), 400, "media_url must be an absolute http or https URL");
        await AssertXmlErrorAsync(
            await PostAsync(client, "xml", ("api_key", Key), ("service_code", "illegal-dumping"), ("address_string", "zzqx nowhere at all"), ("description", "x")),
            400,
            "could not be located");
    }

    [Fact]
    public async Task GetRequest_Json_ShowsTheRequestWithLocalTimesAndNoReporterDetails()
    {
        var reference = await CreateAsync(("email", "hidden@example.org"), ("media_url", "https://photos.example.org/2.jpg"));

        var request = Assert.Single((await JsonAsync(await app.CreateClient().GetAsync($"/open311/v2/requests/{reference}.json"))).EnumerateArray().ToList());

        Assert.Equal(RequestFields, Names(request));
        Assert.Equal(reference.ToString(CultureInfo.InvariantCulture), request.GetProperty("service_request_id").GetString());
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("Pothole", request.GetProperty("service_name").GetString());
        Assert.Equal("pothole", request.GetProperty("service_code").GetString());
        Assert.Equal("Deep pothole in the curb lane", request.GetProperty("description").GetString());
        Assert.Equal("Roads", request.GetProperty("agency_responsible").GetString());
        // The test clock is 2026-11-25 17:00 UTC: Calgary is on MST (-07:00) in November.
        Assert.Equal("2026-11-25T10:00:00-07:00", request.GetProperty("requested_datetime").GetString());
        Assert.Equal("2026-11-25T10:00:00-07:00", request.GetProperty("updated_datetime").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[67]:00$", request.GetProperty("expected_datetime").GetString());
        Assert.Equal(51.0379, request.GetProperty("lat").GetDouble(), 4);
        Assert.Equal(-114.0720, request.GetProperty("long").GetDouble(), 4);
        Assert.Equal("https://photos.example.org/2.jpg", request.GetProperty("media_url").GetString());
        Assert.DoesNotContain("hidden@example.org", request.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRequest_PublicDescription_HasNoPhoneNumberEmailOrLink()
    {
        var reference = await CreateAsync(("description", "Deep pothole by my driveway, call me at (403) 555-0199 or +1 587 555 0123, mail jo.smith@example.org, pics at https://photos.example.org/jo/1"));

        var request = Assert.Single((await JsonAsync(await app.CreateClient().GetAsync($"/open311/v2/requests/{reference}.json"))).EnumerateArray().ToList());

        Assert.Equal(
            "Deep pothole by my driveway, call me at [removed] or [removed], mail [removed], pics at [removed]",
            request.GetProperty("description").GetString());
    }

    [Fact]
    public async Task PublicReads_OverThePerClientLimit_Are429WithRetryAfter()
    {
        using var limited = app.WithWebHostBuilder(b => b.UseSetting("Open311:ReadsPerMinute", "3"));
        using var client = limited.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, (int)(await client.GetAsync("/open311/v2/services.json")).StatusCode);
        }

        using var refused = await client.GetAsync("/open311/v2/requests.json");

        Assert.Equal(429, (int)refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "Retry-After is set");
    }

    [Fact]
    public async Task GetRequest_Xml_ClosedIssueReadsClosedWithItsNote()
    {
        var reference = await CreateAsync();
        await using (var db = app.CreateDbContext())
        {
            var issue = await db.Issues.SingleAsync(i => i.ReferenceNumber == reference);
            issue.Status = IssueStatus.Duplicate;
            issue.AddHistory(IssueEventKinds.Transition, "staff", IssueStatus.Received, "Duplicate request.", isPublic: true, app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var xml = await XmlAsync(await app.CreateClient().GetAsync($"/open311/v2/requests/{reference}.xml"));

        var request = Assert.Single(xml.Root!.Elements("request"));
        Assert.Equal(RequestFields, Names(request));
        Assert.Equal("closed", request.Element("status")!.Value);
        Assert.Equal("Duplicate request.", request.Element("status_notes")!.Value);
        Assert.Equal(string.Empty, request.Element("zipcode")!.Value);
    }

    [Fact]
    public async Task GetRequest_Xml_ControlCharacterInTheDescription_IsStillWellFormedXml()
    {
        // Found by the fuzzer (issue #16): a 0x06 the citizen sent made the XML writer throw half-way (500).
        var reference = await CreateAsync(("description", "Deep\u0006 pothole \uD83D\uDEA7 by the curb"));

        var xml = await XmlAsync(await app.CreateClient().GetAsync($"/open311/v2/requests/{reference}.xml"));

        Assert.Equal("Deep\uFFFD pothole \uD83D\uDEA7 by the curb", Assert.Single(xml.Root!.Elements("request")).Element("description")!.Value);
    }

    [Fact]
    public async Task GetRequest_Unknown_Is404()
    {
        await AssertJsonErrorAsync(await app.CreateClient().GetAsync("/open311/v2/requests/99999999.json"), 404, "service_request_id '99999999' was not found");
    }

    [Fact]
    public async Task ListRequests_Filters_AsTheSpecDescribes()
    {
        var client = app.CreateClient();
        var first = await CreateAsync();
        var second = await CreateAsync();
        var dumping = await CreateAsync(("service_code", "illegal-dumping"));
        await using (var db = app.CreateDbContext())
        {
            await db.Issues.Where(i => i.ReferenceNumber == second).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, IssueStatus.Resolved));
            await IssueRows.InsertAsync(db, "pothole", "Received", 51.04, -114.07, "an old one", app.Clock.GetUtcNow().AddDays(-120));
        }

        async Task<List<string>> Ids(string query) =>
            (await JsonAsync(await client.GetAsync("/open311/v2/requests.json" + query))).EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!).ToList();

        var byId = await Ids($"?service_request_id={first},{dumping}&status=closed");
        Assert.Equal([dumping.ToString(CultureInfo.InvariantCulture), first.ToString(CultureInfo.InvariantCulture)], byId);

        var closed = await Ids("?status=closed");
        Assert.Contains(second.ToString(CultureInfo.InvariantCulture), closed);
        Assert.DoesNotContain(first.ToString(CultureInfo.InvariantCulture), closed);

        var open = await Ids("?status=open&service_code=illegal-dumping");
        Assert.Contains(dumping.ToString(CultureInfo.InvariantCulture), open);
        Assert.DoesNotContain(first.ToString(CultureInfo.InvariantCulture), open);

        // The default window is the last 90 days: the 120-day-old report is not listed, but an explicit window finds it.
        await using (var db = app.CreateDbContext())
        {
            var old = await db.Issues.Where(i => i.Description == "an old one").Select(i => i.ReferenceNumber).SingleAsync();
            Assert.DoesNotContain(old.ToString(CultureInfo.InvariantCulture), await Ids(string.Empty));
            Assert.Equal([old.ToString(CultureInfo.InvariantCulture)], await Ids("?start_date=2026-07-20T00:00:00Z&end_date=2026-07-30T00:00:00-06:00"));
        }

        await AssertJsonErrorAsync(await client.GetAsync("/open311/v2/requests.json?status=pending"), 400, "status 'pending' is not one of open, closed");
        await AssertJsonErrorAsync(await client.GetAsync("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z"), 400, "may not span more than 90 days");
        await AssertXmlErrorAsync(await client.GetAsync("/open311/v2/requests.xml?start_date=yesterday"), 400, "start_date must be a W3C datetime");
    }

    private async Task<int> CreateAsync(params (string Name, string Value)[] extra)
    {
        var fields = Pothole().Where(f => extra.All(e => e.Name != f.Name)).Concat(extra).ToArray();
        if (extra.Any(e => e is ("service_code", "illegal-dumping")))
        {
            fields = fields.Where(f => !f.Name.StartsWith("attribute[", StringComparison.Ordinal)).ToArray();
        }

        var response = await PostAsync(app.CreateClient(), "json", fields);
        Assert.Equal(200, (int)response.StatusCode);
        var created = (await JsonAsync(response)).EnumerateArray().Single();
        return int.Parse(created.GetProperty("service_request_id").GetString()!, CultureInfo.InvariantCulture);
    }
}
