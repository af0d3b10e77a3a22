using CivicConnect.Intelligence.Embedded;
using CivicConnect.Intelligence.Embeddings;
using CivicConnect.Intelligence.Evaluation;
using Microsoft.Extensions.Options;

namespace CivicConnect.Intelligence.Llm;

/// <summary>
/// Makes the LLM classifier of any definition, so <c>civic eval --mode llm</c> and the supervisor's
/// evaluation (a draft's prompt before it is published) measure the model. Registered only when
/// an endpoint and model are configured (<see cref="LlmOptions.Enabled"/>).
/// </summary>
public sealed class LlmEvaluation(LlmChat chat, ITextEmbedder embedder, IOptions<LlmOptions> options)
{
    /// <param name="model">The definition's embedded model (its examples are the prompt's few shots, its answer the rules' reference).</param>
    /// <param name="active">Only these categories are offered; null for every category of the definition.</param>
    public IMeteredClassifier For(EmbeddingClassifierModel model, IReadOnlySet<string>? active = null) =>
        new LlmEvaluationClassifier(chat, options.Value, model, embedder, active);
}
