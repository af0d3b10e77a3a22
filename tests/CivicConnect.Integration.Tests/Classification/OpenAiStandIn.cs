using System.Text.Json;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CivicConnect.Integration.Tests.Classification;

/// <summary>
/// A WireMock.Net server answering POST …/chat/completions in the OpenAI wire format
/// (chat.completion object, choices[0].message.content, usage), or failing the ways real ones do.
/// </summary>
public sealed class OpenAiStandIn : IDisposable
{
    public WireMockServer Server { get; } = WireMockServer.Start();

    public string Url => Server.Url + "/v1";

    /// <summary>Answers every chat completion with this assistant message content.</summary>
    public void Reply(string content, TimeSpan? delay = null)
    {
        var response = Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json")
            .WithBody(Completion(content));
        Server.Reset();
        Server.Given(Chat()).RespondWith(delay is { } d ? response.WithDelay(d) : response);
    }

    public void Fail(int status, string? retryAfter = null)
    {
        var response = Response.Create().WithStatusCode(status)
            .WithHeader("Content-Type", "application/json")
            .WithBody("""{"error":{"message":"The server had an error while processing your request.","type":"server_error","param":null,"code":null}}""");
        if (retryAfter is not null)
        {
            response = response.WithHeader("Retry-After", retryAfter);
        }

        Server.Reset();
        Server.Given(Chat()).RespondWith(response);
    }

    /// <summary>
    /// Adds a recorded answer for the requests whose body contains <paramref name="marker"/> (a
    /// phrase of one message: plain ASCII letters, digits and spaces, which JSON leaves as they are),
    /// with the usage the endpoint reports for it. Earlier answers stay; call <see cref="Reset"/> first.
    /// </summary>
    public void ReplyWhen(string marker, string content, int promptTokens, int completionTokens, TimeSpan? delay = null)
    {
        var response = Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json")
            .WithBody(Completion(content, promptTokens, completionTokens));
        Server.Given(Chat().WithBody(new WildcardMatcher("*" + marker + "*"))).RespondWith(delay is { } d ? response.WithDelay(d) : response);
    }

    /// <summary>Fails the requests whose body contains <paramref name="marker"/> with an OpenAI-style error.</summary>
    public void FailWhen(string marker, int status) =>
        Server.Given(Chat().WithBody(new WildcardMatcher("*" + marker + "*"))).RespondWith(Response.Create().WithStatusCode(status)
            .WithHeader("Content-Type", "application/json")
            .WithBody("""{"error":{"message":"The server had an error while processing your request.","type":"server_error","param":null,"code":null}}"""));

    public void Reset() => Server.Reset();

    /// <summary>The user-message text of every request, in order.</summary>
    public IReadOnlyList<string> Prompts() => Server.LogEntries.Select(e => PromptOf(e.RequestMessage.Body!)).ToList();

    public int Requests => Server.LogEntries.Count;

    /// <summary>
    /// Requests answered with <paramref name="status"/>: unlike <see cref="Requests"/>, not thrown off by an
    /// earlier test's slow answer that is logged only when its delay ends, after the next test began.
    /// </summary>
    public int RequestsAnswered(int status) => Server.LogEntries.Count(e => e.ResponseMessage?.StatusCode switch
    {
        int code => code == status,
        System.Net.HttpStatusCode code => (int)code == status,
        string code => code == status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => false,
    });

    /// <summary>The text of the user message in the last request.</summary>
    public string LastPrompt() => PromptOf(Server.LogEntries[^1].RequestMessage.Body!);

    private static string PromptOf(string json)
    {
        using var body = JsonDocument.Parse(json);
        var message = body.RootElement.GetProperty("messages")[0].GetProperty("content");
        return message.ValueKind == JsonValueKind.String
            ? message.GetString()!
            : string.Concat(message.EnumerateArray().Where(p => p.GetProperty("type").GetString() == "text").Select(p => p.GetProperty("text").GetString()));
    }

    public JsonElement LastRequest() => JsonDocument.Parse(Server.LogEntries[^1].RequestMessage.Body!).RootElement.Clone();

    public void Dispose() => Server.Stop();

    private static IRequestBuilder Chat() => Request.Create().WithPath("/v1/chat/completions").UsingPost();

    private static string Completion(string content, int promptTokens = 900, int completionTokens = 40) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-test1",
        @object = "chat.completion",
        created = 1764259200,
        model = "test-model",
        system_fingerprint = "fp_test",
        choices = new[] { new { index = 0, message = new { role = "assistant", content, refusal = (string?)null }, finish_reason = "stop", logprobs = (object?)null } },
        usage = new
        {
            prompt_tokens = promptTokens,
            completion_tokens = completionTokens,
            total_tokens = promptTokens + completionTokens,
            prompt_tokens_details = new { cached_tokens = 0 },
            completion_tokens_details = new { reasoning_tokens = 0 },
        },
    });
}
