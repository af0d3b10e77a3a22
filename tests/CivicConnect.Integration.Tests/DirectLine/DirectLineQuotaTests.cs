using System.Net;
using System.Text.Json.Nodes;

namespace CivicConnect.Integration.Tests.DirectLine;

/// <summary>One conversation stores at most DirectLine:MaxStoredBytesPerConversation, however slowly it posts.</summary>
public sealed class DirectLineQuotaTests(DirectLineQuotaTests.Factory app) : IClassFixture<DirectLineQuotaTests.Factory>
{
    [Fact]
    public async Task Conversation_PastItsStoredBytes_Is429WithRetryAfterUntilItEnds_OtherConversationsGoOn()
    {
        var client = new DirectLineClient(app.CreateClient());
        var (conversationId, token) = await client.StartAsync();
        var words = string.Join(' ', Enumerable.Repeat("pothole", 600)); // about 4.8 KB a message

        var accepted = 0;
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 20 && refused is null; i++)
        {
            var response = await client.PostActivityAsync(conversationId, token, new JsonObject { ["type"] = "message", ["text"] = words }.ToJsonString());
            if (response.StatusCode == HttpStatusCode.OK)
            {
                accepted++;
                response.Dispose();
            }
            else
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var wait = refused.Headers.RetryAfter!.Delta!.Value;
            Assert.InRange(wait, TimeSpan.FromMinutes(40), TimeSpan.FromMinutes(45)); // the rest of the conversation's 45-minute lifetime
        }

        // 64 KB hold about a dozen such messages as stored (text and the activity around it).
        Assert.InRange(accepted, 8, 13);
        var (other, otherToken) = await client.StartAsync();
        Assert.False(string.IsNullOrEmpty(await client.SendTextAsync(other, otherToken, "hi")));
    }

    public sealed class Factory : DirectLineAppFactory
    {
        public Factory()
        {
            Settings["DirectLine:MaxStoredBytesPerConversation"] = "65536";
            Settings["DirectLine:MaxConversationLifetime"] = "00:45:00";
        }
    }
}
