using System.Collections.Concurrent;
using System.Text;
using CivicConnect.Integration.Tests.Twilio;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace CivicConnect.Integration.Tests.Outbox;

/// <summary>
/// Twilio's Messages API answering each call after a few milliseconds (different for each call,
/// so calls overlap and finish out of order) and recording, per recipient, the order the calls
/// arrived in and how many of that recipient's calls were ever at the provider at once.
/// </summary>
public class ParallelOutboxAppFactory : TwilioAppFactory
{
    private readonly ConcurrentDictionary<string, int> open = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> mostAtOnce = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<TwilioMessageList.Listed> arrivals = new();
    private int openCalls;
    private int mostCallsAtOnce;

    public ParallelOutboxAppFactory()
        : this(attemptTimeout: null)
    {
    }

    /// <param name="attemptTimeout">How long a call may take before it is given up on (while the stand-in may still accept it: <see cref="AnswerLate"/>).</param>
    protected ParallelOutboxAppFactory(TimeSpan? attemptTimeout)
    {
        Api.Given(Request.Create().WithPath($"/2010-04-01/Accounts/{AccountSid}/Messages.json").UsingPost()).AtPriority(-1)
            .RespondWith(Response.Create().WithCallback(AnswerAsync));

        // Twilio's list of what it accepted, which the outbox reads before sending a message in doubt again.
        Api.Given(Request.Create().WithPath($"/2010-04-01/Accounts/{AccountSid}/Messages.json").UsingGet()).AtPriority(-1)
            .RespondWith(Response.Create().WithCallback(request =>
            {
                var to = request.Query is { } query && query.TryGetValue("To", out var values) ? values.FirstOrDefault() : null;
                var response = new ResponseMessage
                {
                    StatusCode = 200,
                    BodyData = new BodyData
                    {
                        BodyAsString = TwilioMessageList.Json(request.Path, arrivals.Where(a => a.To == to)),
                        DetectedBodyType = BodyType.String,
                        Encoding = Encoding.UTF8,
                    },
                };
                response.AddHeader("Content-Type", "application/json");
                return response;
            }));
        Settings["Messaging:OutboxConcurrency"] = "8";
        if (attemptTimeout is { } timeout)
        {
            Settings["Messaging:ProviderAttemptTimeout"] = timeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        }

        // Every claim looks for a dead node's rows, so a test sees the give-back on its next dispatch.
        Settings["Messaging:OutboxDeadNodeCheck"] = "00:00:00";
    }

    /// <summary>Bodies the stand-in accepts at once but answers only after the given time (a provider slower than our timeout).</summary>
    public ConcurrentDictionary<string, TimeSpan> AnswerLate { get; } = new(StringComparer.Ordinal);

    /// <summary>The bodies sent to each recipient, in the order their calls reached the provider.</summary>
    public IReadOnlyList<string> ArrivalsFor(string to) => [.. arrivals.Where(a => a.To == to).Select(a => a.Body)];

    /// <summary>Calls Twilio was asked to list what it sent (one per message in doubt).</summary>
    public int Lookups => Api.LogEntries.Count(e => e.RequestMessage.Method == "GET" && e.RequestMessage.Path.EndsWith("/Messages.json", StringComparison.Ordinal));

    /// <summary>The most calls for <paramref name="to"/> that were at the provider at the same time.</summary>
    public int MostAtOnceFor(string to) => mostAtOnce.GetValueOrDefault(to);

    /// <summary>The most calls (any recipient) that were at the provider at the same time.</summary>
    public int MostCallsAtOnce => Volatile.Read(ref mostCallsAtOnce);

    private async Task<IResponseMessage> AnswerAsync(IRequestMessage request)
    {
        var fields = QueryHelpers.ParseQuery(request.Body ?? string.Empty);
        var to = fields["To"].ToString();
        var sid = $"SM{Guid.NewGuid():N}";
        arrivals.Enqueue(new(sid, fields["From"].ToString(), to, fields["Body"].ToString(), TimeProvider.System.GetUtcNow()));
        var now = open.AddOrUpdate(to, 1, (_, n) => n + 1);
        mostAtOnce.AddOrUpdate(to, now, (_, n) => Math.Max(n, now));
        var all = Interlocked.Increment(ref openCalls);
        InterlockedMax(ref mostCallsAtOnce, all);
        try
        {
            // A provider's latency, varied so that overlapping calls finish out of order.
            await Task.Delay(AnswerLate.TryGetValue(fields["Body"].ToString(), out var late) ? late : TimeSpan.FromMilliseconds(Random.Shared.Next(5, 40)));
        }
        finally
        {
            open.AddOrUpdate(to, 0, (_, n) => n - 1);
            Interlocked.Decrement(ref openCalls);
        }

        var response = new ResponseMessage
        {
            StatusCode = 201,
            BodyData = new BodyData
            {
                BodyAsString = $$"""{"sid":"{{sid}}","account_sid":"{{AccountSid}}","status":"queued"}""",
                DetectedBodyType = BodyType.String,
                Encoding = Encoding.UTF8,
            },
        };
        response.AddHeader("Content-Type", "application/json");
        return response;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}

/// <summary>A second node on the first node's database, sending through the first node's Twilio stand-in.</summary>
public sealed class SecondOutboxNode(ParallelOutboxAppFactory first) : TwilioAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Civic", first.Database.ConnectionString);
        builder.UseSetting("Twilio:ApiBaseUrl", first.Api.Url);
        builder.UseSetting("Messaging:OutboxConcurrency", "8");
    }
}

/// <summary>The same stand-in with calls given up on after three seconds, so a late answer is a timeout.</summary>
public sealed class SlowTwilioOutboxAppFactory() : ParallelOutboxAppFactory(TimeSpan.FromSeconds(3));
