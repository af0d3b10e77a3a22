using CivicConnect.Intelligence.Categories;
using CivicConnect.Intelligence.Classification;
using CivicConnect.Intelligence.Definitions;
using CivicConnect.Intelligence.Embedded;
using CivicConnect.Intelligence.Llm;
using CivicConnect.Intelligence.Photos;
using CivicConnect.Intelligence.Tuning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CivicConnect.Intelligence;

public static class ClassificationRegistration
{
    /// <summary>
    /// The classifier citizens get, built in one place: the embedded text model, the LLM in front
    /// of it when one is configured (<c>Classifier:Llm</c>), and photo evidence around whichever
    /// text classifier that is. Its parts are registered first, then the chain is composed
    /// explicitly, so no later registration can change what <see cref="IClassifier"/> is.
    /// The host provides <see cref="IPhotoFiles"/> (the media store).
    /// </summary>
    public static IHostApplicationBuilder AddClassification(this IHostApplicationBuilder builder)
    {
        // What every link reads: the categories and the published definition (versions in
        // PostgreSQL, seeded from prompts/), which also names the photo gallery in use.
        builder.Services.AddSingleton<ICategoryDirectory, CategoryDirectory>();
        builder.AddClassifierVersions();
        builder.Services.AddSingleton<IExampleSink, FileExampleSink>();

        builder.AddEmbeddedClassifier();
        var withLlm = builder.AddLlmClassifier();
        builder.AddPhotoEvidence();

        builder.Services.AddSingleton<IClassifier>(services =>
        {
            IClassifier text = withLlm
                ? services.GetRequiredService<LlmClassifier>()
                : services.GetRequiredService<EmbeddedClassifier>();
            return new PhotoAwareClassifier(
                text,
                services.GetRequiredService<PhotoEvidence>(),
                services.GetRequiredService<IActiveGallery>(),
                services.GetRequiredService<ICategoryDirectory>(),
                services.GetRequiredService<IOptions<PhotoOptions>>());
        });
        return builder;
    }
}
