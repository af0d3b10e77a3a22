using CivicConnect.Intelligence.Photos;
using CivicConnect.Intelligence.Tuning;

namespace CivicConnect.Server.Features.Admin;

internal static class ClassifierTuningRegistration
{
    /// <summary>
    /// Versioned classifier definitions (the live classifier serves the published version) and photo
    /// evidence around the text classifier. After <c>AddConversation</c>, which registers the text classifier.
    /// </summary>
    public static WebApplicationBuilder AddClassifierTuning(this WebApplicationBuilder builder)
    {
        builder.AddClassifierVersions();
        builder.AddPhotoEvidence();
        return builder;
    }
}
