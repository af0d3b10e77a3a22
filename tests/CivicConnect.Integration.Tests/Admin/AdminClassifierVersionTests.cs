using System.Net;
using System.Net.Http.Json;
using CivicConnect.Core.Security;
using CivicConnect.Integration.Tests.DirectLine;
using CivicConnect.Integration.Tests.Infrastructure;

namespace CivicConnect.Integration.Tests.Admin;

public sealed class AdminClassifierVersionTests(DirectLineAppFactory app) : IClassFixture<DirectLineAppFactory>
{
    [Fact]
    public async Task EveryChange_IsANewDraftVersion_WithWhoAndWhat_AndTheOldDraftIsArchived()
    {
        var admin = new AdminApi(app.CreateClientAs(CivicRoles.Supervisor, name: "Ana"));

        using var description = await admin.Http.PutAsJsonAsync("/admin/classifier/categories/pothole/description", new { locale = "en", text = "Holes and broken pavement in a road or back lane." });
        var first = await AdminApi.ReadAsync(description, 200);
        using var prompt = await admin.Http.PutAsJsonAsync("/admin/classifier/prompt", new { template = "Classify: {{$message}}" });
        var second = await AdminApi.ReadAsync(prompt, 200);

        Assert.Equal(first.GetProperty("id").GetInt32(), second.GetProperty("basedOn").GetInt32());
        var versions = (await admin.GetAsync("/admin/classifier/versions")).EnumerateArray().ToList();
        Assert.Equal("archived", versions.Single(v => v.GetProperty("id").GetInt32() == first.GetProperty("id").GetInt32()).GetProperty("state").GetString());
        Assert.Equal("draft", versions[0].GetProperty("state").GetString());
        Assert.Equal("prompt template edited", versions[0].GetProperty("change").GetString());
        Assert.Equal("Ana", versions[0].GetProperty("createdBy").GetString());
        Assert.Equal("Classify: {{$message}}", (await admin.GetAsync("/admin/classifier/prompt")).GetProperty("template").GetString());
        var pothole = (await admin.GetAsync("/admin/classifier/categories")).EnumerateArray().Single(c => c.GetProperty("code").GetString() == "pothole");
        Assert.Equal("Holes and broken pavement in a road or back lane.", pothole.GetProperty("description").GetProperty("en").GetString());

        var diff = await admin.GetAsync($"/admin/classifier/versions/{second.GetProperty("id").GetInt32()}/diff?against={first.GetProperty("basedOn").GetInt32()}");
        Assert.True(diff.GetProperty("promptTemplateChanged").GetBoolean());
        Assert.Equal("pothole", Assert.Single(diff.GetProperty("descriptions").EnumerateArray()).GetProperty("category").GetString());

        var examples = (await admin.GetAsync("/admin/classifier/examples?category=pothole")).EnumerateArray().ToList();
        var id = examples[0].GetProperty("id").GetString();
        using var removed = await admin.Http.DeleteAsync($"/admin/classifier/examples/{id}");
        await AdminApi.ReadAsync(removed, 200);
        Assert.Equal(examples.Count - 1, (await admin.GetAsync("/admin/classifier/examples?category=pothole")).GetArrayLength());
        using var again = await admin.Http.DeleteAsync($"/admin/classifier/examples/{id}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task AdminApi_IsForSupervisorsOnly()
    {
        using var anonymous = await app.CreateClient().GetAsync("/admin/classifier/versions");
        using var staff = await app.CreateClientAs(CivicRoles.Staff, department: "roads").GetAsync("/admin/classifier/versions");
        using var fieldWorker = await app.CreateClientAs(CivicRoles.FieldWorker, department: "roads").PostAsJsonAsync("/admin/classifier/examples", new { examples = new[] { new { text = "x", category = "pothole" } } });
        using var supervisor = await app.CreateClientAs(CivicRoles.Supervisor).GetAsync("/admin/classifier/versions");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, fieldWorker.StatusCode);
        Assert.Equal(HttpStatusCode.OK, supervisor.StatusCode);
    }
}
