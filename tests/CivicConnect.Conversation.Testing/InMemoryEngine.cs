using CivicConnect.Conversation.Dialogs;
using CivicConnect.Conversation.Engine;
using CivicConnect.Conversation.Ports;
using CivicConnect.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CivicConnect.Conversation.Testing;

/// <summary>
/// The dialog engine composed as <c>AddConversation</c> composes it (<see cref="DialogEngineRegistration.AddDialogEngine"/>),
/// over the ports given here. Anything not given is an empty city: no nearby or same-photo
/// report, no known issue, no survey pending, reports numbered from 1001, agents always in,
/// no update channel besides the chat.
/// </summary>
public sealed class InMemoryEngine : IDisposable
{
    private readonly ServiceProvider services;
    private readonly IServiceScope scope;

    public InMemoryEngine(
        IDialogCatalog dialogs,
        IReportClassifier classifier,
        ICategoryCatalog categories,
        IPlaceFinder places,
        TimeProvider clock,
        IIssueIntake? intake = null,
        IIssueStatusQuery? statusQuery = null,
        IIssueFeedback? feedback = null,
        INearbyReportFinder? nearby = null,
        ISamePhotoReportFinder? samePhotos = null,
        CityOptions? city = null,
        IHandOffHours? handOffHours = null,
        IUpdateContacts? updateContacts = null)
    {
        services = new ServiceCollection()
            .AddSingleton(dialogs)
            .AddSingleton(classifier)
            .AddSingleton(categories)
            .AddSingleton(places)
            .AddSingleton(clock)
            .AddSingleton(intake ?? new SequentialIssueIntake())
            .AddSingleton(statusQuery ?? new EmptyIssueStatusQuery())
            .AddSingleton(feedback ?? new NoIssueFeedback())
            .AddSingleton(nearby ?? new NoNearbyReports())
            .AddSingleton(samePhotos ?? new NoSamePhotoReports())
            .AddSingleton(handOffHours ?? new AgentsAlwaysIn())
            .AddSingleton(updateContacts ?? new RecordingUpdateContacts())
            .AddSingleton(Options.Create(city ?? new CityOptions()))
            .AddDialogEngine()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        scope = services.CreateScope();
        Engine = scope.ServiceProvider.GetRequiredService<DialogEngine>();
    }

    public DialogEngine Engine { get; }

    public void Dispose()
    {
        scope.Dispose();
        services.Dispose();
    }
}
