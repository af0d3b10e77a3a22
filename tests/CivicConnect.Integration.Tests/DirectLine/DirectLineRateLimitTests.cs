using System.Net;

namespace CivicConnect.Integration.Tests.DirectLine;

public sealed class DirectLineRateLimitTests : IClassFixture<DirectLineRateLimitTests.Factory>
{
    private readonly Factory app;

    public DirectLineRateLimitTests(Factory app) => this.app = app;

    [Fact]
    public async Task WebChatToken_MoreThanTheLimitPerMinute_Is429WithRetryAfter()
    {
        var http = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await http.PostAsync("/api/webchat/token", content: null);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    public sealed class Factory : DirectLineAppFactory
    {
        public Factory() => Settings["DirectLine:WebChatTokensPerMinute"] = "3";
    }
}
