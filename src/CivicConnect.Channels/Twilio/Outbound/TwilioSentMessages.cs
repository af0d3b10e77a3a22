using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace CivicConnect.Channels.Twilio.Outbound;

/// <summary>
/// What Twilio already holds from the city's number to one recipient since a moment: the bodies with their
/// SIDs, for a message in doubt (an earlier attempt may have been accepted unseen). Twilio's Messages API takes
/// no idempotency key, but its list (newest first, filtered by To and From) is the record of what it accepted.
/// </summary>
internal sealed class TwilioSentMessages
{
    /// <summary>Twilio keeps second-resolution creation times on its own clock; a little slack for ours.</summary>
    private static readonly TimeSpan ClockSlack = TimeSpan.FromSeconds(2);

    /// <summary>One page is plenty: only the messages of one conversation since one reply was written.</summary>
    private const int PageSize = 50;

    private readonly Dictionary<string, Queue<string>> sidsByBody;

    private TwilioSentMessages(Dictionary<string, Queue<string>> sidsByBody) => this.sidsByBody = sidsByBody;

    public static TwilioSentMessages None { get; } = new([]);

    public static async Task<TwilioSentMessages> ListAsync(ITwilioRestClient client, PhoneNumber from, PhoneNumber to, DateTimeOffset since, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var earliest = since.UtcDateTime - ClockSlack;
        var sent = await MessageResource.ReadAsync(new ReadMessageOptions { From = from, To = to, PageSize = PageSize, Limit = PageSize }, client);
        var sidsByBody = new Dictionary<string, Queue<string>>(StringComparer.Ordinal);
        foreach (var message in sent.Reverse())
        {
            // Oldest first (the list is newest first), so two identical parts are matched in the order they were sent.
            if (message.DateCreated is { } created && AsUtc(created) >= earliest && message.Body is { } body)
            {
                (sidsByBody.TryGetValue(body, out var sids) ? sids : sidsByBody[body] = new Queue<string>()).Enqueue(message.Sid);
            }
        }

        return new TwilioSentMessages(sidsByBody);
    }

    /// <summary>Twilio writes its times in UTC ("+0000"); a time without a kind is taken as that.</summary>
    private static DateTime AsUtc(DateTime time) =>
        time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time.ToUniversalTime();

    /// <summary>The SID of a message Twilio already has with exactly this body, used up so that a second identical part is sent.</summary>
    public bool TryTake(string body, out string sid)
    {
        if (sidsByBody.TryGetValue(body, out var sids) && sids.TryDequeue(out var found))
        {
            sid = found;
            return true;
        }

        sid = string.Empty;
        return false;
    }
}
