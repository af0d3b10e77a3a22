using CivicConnect.Intelligence.Definitions;
using CivicConnect.Intelligence.Photos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CivicConnect.Intelligence.Tuning;

public static class ClassifierVersionRegistration
{
    /// <summary>
    /// Versioned classifier definitions in PostgreSQL: the live classifier reads the published
    /// version (replacing the prompts/ files as its source; they seed version 1) and its photo gallery.
    /// A part of <c>AddClassification</c>; the tuning API registers its own services.
    /// </summary>
    public static IHostApplicationBuilder AddClassifierVersions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(_ => new FileClassifierDefinitionSource());
        builder.Services.AddSingleton<ClassifierVersionStore>();
        builder.Services.AddSingleton<IClassifierDefinitionSource>(sp => sp.GetRequiredService<ClassifierVersionStore>());
        builder.Services.AddSingleton<IActiveGallery>(sp => sp.GetRequiredService<ClassifierVersionStore>());
        return builder;
    }
}
