using System.Diagnostics;
using CivicConnect.Integration.Tests.Privacy;
using CivicConnect.Integration.Tests.Twilio;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CivicConnect.Integration.Tests.Telemetry;

/// <summary>
/// The service's own spans and metrics, read with OpenTelemetry's in-memory exporter: an SMS report
/// is one trace of turns with their classify, locate, duplicates and intake parts; turns, the
/// classifier and outbox sends are counted.
/// </summary>
public sealed class TelemetryTests(TelemetryTests.Factory app) : IClassFixture<TelemetryTests.Factory>
{
    [Fact]
    public async Task SmsReport_IsOneTraceOfTurnsAndTheirParts_AndItsTurnsClassifierAndSendsAreMeasured()
    {
        // Every webhook of this citizen carries one W3C trace, as a provider's gateway could: the turns run inside it.
        var traceId = ActivityTraceId.CreateRandom();
        var twilio = new TwilioWebhook(app);
        twilio.Client.DefaultRequestHeaders.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        var (written, e164) = TwilioAppFactory.NewCitizen();

        await SmsReports.FileWithPhotoAsync(app, twilio, written, e164, "There is a big pothole");
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();

        List<Activity> spans;
        lock (app.Spans)
        {
            spans = app.Spans.Where(s => s.TraceId == traceId && s.Source.Name == "CivicConnect").ToList();
        }

        var turns = spans.Where(s => s.DisplayName == "turn").ToList();
        Assert.True(turns.Count >= 7, $"turn spans: {turns.Count}");
        Assert.All(turns, t => Assert.Equal("sms", t.GetTagItem("civic.channel")));
        foreach (var part in new[] { "classify", "locate", "duplicates", "intake" })
        {
            var span = spans.FirstOrDefault(s => s.DisplayName == part);
            Assert.True(span is not null, $"no {part} span among {string.Join(", ", spans.Select(s => s.DisplayName))}");
            Assert.Contains(turns, t => IsAncestor(t, span, spans));
        }

        lock (app.Metrics)
        {
            Assert.True(Sum(app.Metrics, "civic.turns", "channel", "sms") >= 7);
            Assert.True(Sum(app.Metrics, "civic.outbox.sends", "outcome", "sent") >= 7);
            Assert.Contains(app.Metrics, m => m.Name == "civic.classifier.duration");
            Assert.Contains(app.Metrics, m => m.Name == "civic.turn.duration");
        }
    }

    private static bool IsAncestor(Activity ancestor, Activity span, List<Activity> all)
    {
        for (var current = span; current is not null; current = all.FirstOrDefault(s => s.SpanId == current.ParentSpanId))
        {
            if (current.ParentSpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The last exported value of a counter, summed over points with the tag (counters are cumulative).</summary>
    private static long Sum(List<Metric> metrics, string name, string tag, string value)
    {
        var latest = metrics.LastOrDefault(m => m.Name == name);
        if (latest is null)
        {
            return 0;
        }

        long sum = 0;
        foreach (ref readonly var point in latest.GetMetricPoints())
        {
            foreach (var pair in point.Tags)
            {
                if (pair.Key == tag && Equals(pair.Value, value))
                {
                    sum += point.GetSumLong();
                }
            }
        }

        return sum;
    }

    public sealed class Factory : TwilioAppFactory
    {
        public List<Activity> Spans { get; } = [];

        public List<Metric> Metrics { get; } = [];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
                services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
            });
        }
    }
}
