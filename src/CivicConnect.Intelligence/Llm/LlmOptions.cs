using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Intelligence.Llm;

/// <summary>
/// <c>Classifier:Llm</c>: any OpenAI-compatible chat endpoint (OpenAI, Azure OpenAI, Ollama, vLLM).
/// Unset endpoint = the embedded classifier alone. The key comes from the environment or user-secrets.
/// </summary>
public sealed class LlmOptions
{
    public const string SectionName = "Classifier:Llm";

    /// <summary>Base URL the chat-completions path is appended to, e.g. <c>http://127.0.0.1:11434/v1</c>.</summary>
    public Uri? Endpoint { get; set; }

    public string? Model { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>The citizen never waits longer than this for the LLM; then the embedded answer is used.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 4;

    /// <summary>Send photos as image content (only for models that accept images).</summary>
    public bool SupportsVision { get; set; }

    /// <summary>Most similar labelled examples shown to the model.</summary>
    [Range(0, 50)]
    public int Examples { get; set; } = 8;

    /// <summary>
    /// Model calls one conversation may cause in a day on a node (default 30; a report takes one to
    /// three). Past it the embedded classifier answers alone: a free web-chat token cannot run up the
    /// city's LLM bill, and the citizen is still answered.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxCallsPerConversationPerDay { get; set; } = 30;

    /// <summary>Photos larger than this are not sent (the request would be slow or refused).</summary>
    [Range(1, 50)]
    public int MaxPhotoMegabytes { get; set; } = 8;

    /// <summary>
    /// The highest confidence a model's answer is given (its own figure is not a probability, and a
    /// citizen can write one into the report). Above the dialog's <c>categoryConfidence</c> (0.6)
    /// so a plain good answer is still accepted without asking; see <see cref="LlmAnswerRules"/>.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MaxConfidence { get; set; } = 0.9;

    public bool Enabled => Endpoint is not null && !string.IsNullOrWhiteSpace(Model);
}
