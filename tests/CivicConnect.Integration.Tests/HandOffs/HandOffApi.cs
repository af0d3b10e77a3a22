using System.Net;
using System.Net.Http.Json;
using CivicConnect.Core.Security;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Integration.Tests.Twilio;
using CivicConnect.Staff.HandOffs;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.HandOffs;

/// <summary>An SMS citizen (through the signed Twilio webhook) and agents on <c>/api/handoffs</c> with bearer tokens.</summary>
public sealed class HandOffApi(TwilioAppFactory app)
{
    private readonly TwilioWebhook twilio = new(app);

    public HttpClient Agent(string name) => app.CreateClientAs(CivicRoles.Agent, name: name);

    public HttpClient StaffOf(string department) => app.CreateClientAs(CivicRoles.Staff, department, name: "staff-" + department);

    /// <summary>A new SMS citizen; returns their E.164 number.</summary>
    public async Task<string> CitizenSaysAsync(string e164OrNew, params string[] texts)
    {
        foreach (var text in texts)
        {
            await twilio.SendOk(TwilioWebhook.Sms(e164OrNew, text));
        }

        return e164OrNew;
    }

    /// <summary>The open hand-off of this citizen, as <paramref name="agent"/> sees it in the inbox (masked numbers can collide: found by address first).</summary>
    public async Task<HandOffSummary> OpenHandOffOfAsync(HttpClient agent, string e164)
    {
        await using var db = app.CreateDbContext();
        var id = await db.HandOffs.Where(h => h.Address == e164 && h.Status != HandOffStatus.Closed).Select(h => h.Id).SingleAsync();
        var list = await agent.GetFromJsonAsync<List<HandOffSummary>>("/api/handoffs");
        return Assert.Single(list!, h => h.Id == id);
    }

    public static async Task<HandOffDetail> DetailAsync(HttpClient agent, long id) =>
        (await agent.GetFromJsonAsync<HandOffDetail>($"/api/handoffs/{id}"))!;

    /// <summary>Asserts a problem-details answer with <paramref name="status"/> and returns its body.</summary>
    public static async Task<System.Text.Json.JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
