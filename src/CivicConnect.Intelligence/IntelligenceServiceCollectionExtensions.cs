using CivicConnect.Intelligence.Categories;
using CivicConnect.Intelligence.Classification;
using CivicConnect.Intelligence.Embeddings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CivicConnect.Intelligence;

public static class IntelligenceServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddIntelligence(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ICategoryDirectory, CategoryDirectory>();
        builder.Services.AddSingleton<IClassifier, KeywordClassifier>();
        builder.Services.AddSingleton<ITextEmbedder, MiniLmTextEmbedder>();
        return builder;
    }
}
