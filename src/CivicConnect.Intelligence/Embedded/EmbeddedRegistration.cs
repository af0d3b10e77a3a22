using CivicConnect.Core.Hosting;
using CivicConnect.Intelligence.Embeddings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CivicConnect.Intelligence.Embedded;

public static class EmbeddedRegistration
{
    /// <summary>
    /// The embedded text classifier (MiniLM embeddings and a head trained on the definition's
    /// examples), warmed up as the node starts. A link of the chain <c>AddClassification</c> builds.
    /// </summary>
    public static IHostApplicationBuilder AddEmbeddedClassifier(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ClassifierOptions>(ClassifierOptions.SectionName);
        builder.Services.AddSingleton<IClassifierArtifacts, PostgresClassifierArtifacts>();
        builder.Services.AddSingleton<EmbeddingModelCache>();
        // One embedder for the node: the classifier, the LLM's few-shot retrieval and duplicate
        // ranking share its recent vectors, so a turn embeds its text once.
        builder.Services.AddSingleton<ITextEmbedder>(_ => new RecentTextEmbeddings(new MiniLmTextEmbedder()));
        builder.Services.AddSingleton<EmbeddedClassifier>();
        builder.Services.AddSingleton<ClassifierReadiness>();
        builder.Services.AddHostedService<ClassifierWarmUp>();
        return builder;
    }
}
