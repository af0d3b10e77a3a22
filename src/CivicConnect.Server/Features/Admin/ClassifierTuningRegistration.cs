using CivicConnect.Core.Hosting;
using CivicConnect.Intelligence.Tuning;
using CivicConnect.Staff.Tuning;

namespace CivicConnect.Server.Features.Admin;

internal static class ClassifierTuningRegistration
{
    /// <summary>
    /// The classifier tuning API's own services: editing versions and measuring any of them.
    /// What citizens get is composed by <c>AddClassification</c>; nothing here changes it.
    /// </summary>
    public static WebApplicationBuilder AddClassifierTuning(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ClassifierTuning>();
        builder.Services.AddScoped<ClassifierEditor>();
        builder.Services.AddScoped<GalleryPhotoLibrary>();
        builder.Services.AddSingleton<VersionClassifiers>();
        builder.Services.AddSingleton<ClassifierComparison>();
        builder.Services.AddSingleton<GateEvaluationSet>();
        builder.AddValidatedOptions<PublishGateOptions>(PublishGateOptions.SectionName);
        return builder;
    }
}
