using CivicConnect.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CivicConnect.Intelligence.Photos;

public static class PhotoRegistration
{
    /// <summary>
    /// ResNet18 features, the labelled gallery, same-photo detection and the photo evidence that
    /// <c>AddClassification</c> wraps around the text classifier (<c>Photos</c> section). The host
    /// provides <see cref="IPhotoFiles"/> (the media store); <see cref="IActiveGallery"/> is the
    /// published classifier version's gallery.
    /// </summary>
    public static IHostApplicationBuilder AddPhotoEvidence(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<PhotoOptions>(PhotoOptions.SectionName);
        builder.Services.AddSingleton<IImageFeaturizer, ResNetImageFeaturizer>();
        builder.Services.AddHostedService<PhotoModelWarmUp>();
        builder.Services.AddSingleton<PhotoGallery>();
        builder.Services.AddSingleton<PhotoEvidence>();
        builder.Services.AddScoped<ISamePhotoFinder, SamePhotoFinder>();
        return builder;
    }
}
