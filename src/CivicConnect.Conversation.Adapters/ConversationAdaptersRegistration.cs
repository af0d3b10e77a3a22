using CivicConnect.Conversation.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CivicConnect.Conversation.Adapters;

public static class ConversationAdaptersRegistration
{
    /// <summary>
    /// The engine's classifier, category, place, nearby-report and same-photo ports, over the
    /// services Intelligence and Geo register (the classifier chain, the category directory, the
    /// locator, the duplicate finder, the same-photo finder). Intake, status and feedback are Workflow's.
    /// </summary>
    public static IHostApplicationBuilder AddConversationAdapters(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IReportClassifier, ClassifierAdapter>();
        builder.Services.AddSingleton<ICategoryCatalog, CategoryCatalogAdapter>();
        builder.Services.AddScoped<IPlaceFinder, PlaceFinderAdapter>();
        builder.Services.AddScoped<INearbyReportFinder, NearbyReportFinderAdapter>();
        builder.Services.AddScoped<ISamePhotoReportFinder, SamePhotoReportFinderAdapter>();
        return builder;
    }
}
