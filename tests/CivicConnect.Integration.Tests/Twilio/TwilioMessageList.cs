using System.Globalization;
using System.Text.Json;

namespace CivicConnect.Integration.Tests.Twilio;

/// <summary>
/// One page of Twilio's <c>GET /2010-04-01/Accounts/{sid}/Messages.json</c> as Twilio writes it: newest first, times in
/// RFC 2822 on Twilio's clock, with the paging fields the Twilio library reads.
/// </summary>
public static class TwilioMessageList
{
    public sealed record Listed(string Sid, string From, string To, string Body, DateTimeOffset Created);

    public static string Json(string requestPath, IEnumerable<Listed> messages)
    {
        var page = messages.OrderByDescending(m => m.Created).Select(m => new Dictionary<string, object?>
        {
            ["account_sid"] = TwilioAppFactory.AccountSid,
            ["api_version"] = "2010-04-01",
            ["body"] = m.Body,
            ["date_created"] = Rfc2822(m.Created),
            ["date_sent"] = null,
            ["date_updated"] = Rfc2822(m.Created),
            ["direction"] = "outbound-api",
            ["error_code"] = null,
            ["error_message"] = null,
            ["from"] = m.From,
            ["messaging_service_sid"] = null,
            ["num_media"] = "0",
            ["num_segments"] = "1",
            ["price"] = null,
            ["price_unit"] = "USD",
            ["sid"] = m.Sid,
            ["status"] = "queued",
            ["to"] = m.To,
            ["uri"] = $"/2010-04-01/Accounts/{TwilioAppFactory.AccountSid}/Messages/{m.Sid}.json",
        }).ToList();
        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["end"] = Math.Max(0, page.Count - 1),
            ["first_page_uri"] = requestPath + "?PageSize=50&Page=0",
            ["messages"] = page,
            ["next_page_uri"] = null,
            ["page"] = 0,
            ["page_size"] = 50,
            ["previous_page_uri"] = null,
            ["start"] = 0,
            ["uri"] = requestPath + "?PageSize=50&Page=0",
        });
    }

    private static string Rfc2822(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
}
