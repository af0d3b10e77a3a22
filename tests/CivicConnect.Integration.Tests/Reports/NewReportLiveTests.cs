using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Integration.Tests.Open311;
using CivicConnect.Messaging.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CivicConnect.Integration.Tests.Reports;

/// <summary>The intake tells the live queue about a new report, in the report's own transaction: after the commit, with its id and department.</summary>
public sealed class NewReportLiveTests(NewReportLiveTests.App app) : IClassFixture<NewReportLiveTests.App>
{
    public sealed class App : CivicAppFactory
    {
        public App() => Settings["Open311:ApiKeys:0"] = Open311Client.Key;
    }

    [Fact]
    public async Task AReportFiled_IsPublishedOnTheIssuesTopic_WithItsIdAndDepartment_OnceCommitted()
    {
        _ = app.CreateClient();
        await app.Services.GetServices<IHostedService>().OfType<LiveFeedListener>().Single().Listening.WaitAsync(TimeSpan.FromSeconds(30));
        var heard = new ConcurrentQueue<string>();
        var arrived = new SemaphoreSlim(0);
        using var subscription = app.Services.GetRequiredService<ILiveFeed>().Subscribe(LiveTopics.Issues, live =>
        {
            heard.Enqueue(live.Payload);
            arrived.Release();
            return Task.CompletedTask;
        });

        var response = await Open311Client.PostAsync(app.CreateClient(), "json", Open311Client.Pothole());
        var reference = int.Parse((await Open311Client.JsonAsync(response))[0].GetProperty("service_request_id").GetString()!, CultureInfo.InvariantCulture);

        Assert.True(await arrived.WaitAsync(TimeSpan.FromSeconds(20)), "no live event for the new report");
        await using var db = app.CreateDbContext();
        var issue = await db.Issues.AsNoTracking().SingleAsync(i => i.ReferenceNumber == reference);
        var payload = JsonDocument.Parse(Assert.Single(heard)).RootElement;
        Assert.Equal(issue.Id, payload.GetProperty("issueId").GetInt64());
        Assert.Equal(reference, payload.GetProperty("reference").GetInt32());
        Assert.Equal("ROADS", payload.GetProperty("department").GetString());
    }
}
