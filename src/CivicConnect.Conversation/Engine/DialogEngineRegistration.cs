using CivicConnect.Conversation.Engine.Steps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CivicConnect.Conversation.Engine;

public static class DialogEngineRegistration
{
    /// <summary>
    /// The engine, every <see cref="IIntakeStep"/> class and the parts they share. The ports
    /// (Conversation/Ports), <see cref="Dialogs.IDialogCatalog"/>, the city options and a
    /// <see cref="TimeProvider"/> come from the caller.
    /// </summary>
    public static IServiceCollection AddDialogEngine(this IServiceCollection services)
    {
        foreach (var stepType in IntakeSteps.ById.Values)
        {
            services.TryAddEnumerable(ServiceDescriptor.Scoped(typeof(IIntakeStep), stepType));
        }

        services.TryAddScoped<PlaceLookup>();
        services.TryAddScoped<CategoryAcceptance>();
        services.TryAddScoped<IssueSubmitter>();
        services.TryAddScoped<UpdatesOffer>();
        services.TryAddScoped<StatusReport>();
        services.TryAddScoped<FeedbackCommands>();
        services.TryAddScoped<Interruptions>();
        services.TryAddScoped<AttachmentReader>();
        services.TryAddScoped<OptOutNotices>();
        services.TryAddScoped<DialogEngine>();
        return services;
    }
}
