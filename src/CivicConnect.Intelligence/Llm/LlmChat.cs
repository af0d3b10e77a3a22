using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;

namespace CivicConnect.Intelligence.Llm;

/// <summary>
/// The one connection to the configured OpenAI-compatible endpoint (through Semantic Kernel and
/// the resilient <see cref="HttpClientName"/> client, so every caller gets the same timeout). The
/// live classifier and the evaluations share it: what a supervisor measures went through the
/// same pipe as what a citizen gets.
/// </summary>
public sealed class LlmChat(IHttpClientFactory httpClients, IOptions<LlmOptions> options)
{
    public const string HttpClientName = "llm-classify";

    // The custom-endpoint constructor (any OpenAI-compatible server) is marked experimental in SK 1.82.
#pragma warning disable SKEXP0010
    private readonly Lazy<IChatCompletionService> chat = new(() => new OpenAIChatCompletionService(
        options.Value.Model!,
        options.Value.Endpoint!,
        options.Value.ApiKey,
        httpClient: httpClients.CreateClient(HttpClientName)));
#pragma warning restore SKEXP0010

    /// <summary>Sends one user message (text and images) at temperature 0 and asks for a JSON object.</summary>
    public async Task<LlmReply> AskAsync(ChatMessageContentItemCollection content, CancellationToken cancellationToken)
    {
        var history = new ChatHistory();
        history.AddUserMessage(content);
        var execution = new OpenAIPromptExecutionSettings { Temperature = 0, MaxTokens = 200, ResponseFormat = "json_object" };
        var reply = await chat.Value.GetChatMessageContentAsync(history, execution, kernel: null, cancellationToken);

        // The connector keeps the answer's usage object in the metadata (OpenAI SDK type).
        var usage = reply.Metadata?.GetValueOrDefault("Usage") as ChatTokenUsage;
        return new LlmReply(reply.Content, usage?.InputTokenCount ?? 0, usage?.OutputTokenCount ?? 0);
    }
}
