using CivicConnect.Intelligence.Categories;
using CivicConnect.Core.Hosting;
using CivicConnect.Intelligence.Classification;
using CivicConnect.Intelligence.Definitions;
using CivicConnect.Intelligence.Embedded;
using CivicConnect.Intelligence.Embeddings;
using CivicConnect.Intelligence.Llm;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CivicConnect.Intelligence;

public static class IntelligenceServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddIntelligence(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ICategoryDirectory, CategoryDirectory>();
        builder.AddValidatedOptions<ClassifierOptions>(ClassifierOptions.SectionName);
        builder.Services.AddSingleton<IClassifierDefinitionSource, FileClassifierDefinitionSource>();
        builder.Services.AddSingleton<EmbeddingModelCache>();
        builder.Services.AddSingleton<IClassifier, EmbeddedClassifier>();
        builder.Services.AddSingleton<ITextEmbedder, MiniLmTextEmbedder>();
        builder.Services.AddSingleton<IExampleSink, FileExampleSink>();
        builder.Services.AddHostedService<ClassifierWarmUp>();
        builder.AddLlmClassifier();
        return builder;
    }
}
