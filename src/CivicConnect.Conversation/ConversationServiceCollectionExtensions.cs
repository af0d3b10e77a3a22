using CivicConnect.Conversation.Dialogs;
using CivicConnect.Conversation.Engine;
using CivicConnect.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CivicConnect.Conversation;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// The dialog engine with its dialogs (reloaded on change). Its ports — classifier, categories,
    /// places, nearby and same-photo reports, intake, status and feedback — are registered by whoever
    /// implements them (the composition root).
    /// </summary>
    public static IHostApplicationBuilder AddConversation(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<CityOptions>(CityOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<CityOptions>, CityOptionsValidator>();
        builder.Services.AddSingleton<IDialogCatalog, FileDialogCatalog>();
        builder.Services.AddDialogEngine();
        return builder;
    }
}
