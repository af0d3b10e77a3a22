using CivicConnect.Core.Hosting;
using CivicConnect.Intelligence.Categories;
using CivicConnect.Intelligence.Classification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CivicConnect.Intelligence.Photos;

public static class PhotoRegistration
{
    /// <summary>
    /// ResNet18 features, the labelled gallery, same-photo detection, and photo evidence wrapped
    /// around whichever text classifier is registered before this call (<c>Photos</c> section).
    /// The host provides <see cref="IPhotoFiles"/> (the media store) and <see cref="IActiveGallery"/>.
    /// </summary>
    public static IHostApplicationBuilder AddPhotoEvidence(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<PhotoOptions>(PhotoOptions.SectionName);
        builder.Services.AddSingleton<IImageFeaturizer, ResNetImageFeaturizer>();
        builder.Services.AddSingleton<PhotoGallery>();
        builder.Services.AddSingleton<PhotoEvidence>();
        builder.Services.AddScoped<ISamePhotoFinder, SamePhotoFinder>();

        var text = builder.Services.LastOrDefault(d => d.ServiceType == typeof(IClassifier))
            ?? throw new InvalidOperationException("Register the text classifier before AddPhotoEvidence.");
        builder.Services.Remove(text);
        builder.Services.Add(new ServiceDescriptor(typeof(IClassifier), sp => new PhotoAwareClassifier(
            CreateText(sp, text),
            sp.GetRequiredService<PhotoEvidence>(),
            sp.GetRequiredService<IActiveGallery>(),
            sp.GetRequiredService<ICategoryDirectory>(),
            sp.GetRequiredService<IOptions<PhotoOptions>>()), text.Lifetime));
        return builder;
    }

    private static IClassifier CreateText(IServiceProvider services, ServiceDescriptor text) => text switch
    {
        { ImplementationInstance: IClassifier instance } => instance,
        { ImplementationFactory: { } factory } => (IClassifier)factory(services),
        { ImplementationType: { } type } => (IClassifier)ActivatorUtilities.CreateInstance(services, type),
        _ => throw new InvalidOperationException($"Cannot wrap the classifier registration {text}."),
    };
}
