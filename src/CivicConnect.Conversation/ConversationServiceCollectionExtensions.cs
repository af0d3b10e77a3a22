using CivicConnect.Conversation.Dialogs;
using CivicConnect.Conversation.Engine;
using CivicConnect.Core.Hosting;
using CivicConnect.Intelligence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CivicConnect.Conversation;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>The dialog engine with its dialogs (reloaded on change) and the classifier it asks.</summary>
    public static IHostApplicationBuilder AddConversation(this IHostApplicationBuilder builder)
    {
        builder.AddIntelligence();
        builder.AddValidatedOptions<CityOptions>(CityOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<CityOptions>, CityOptionsValidator>();
        builder.Services.AddSingleton<IDialogCatalog, FileDialogCatalog>();
        builder.Services.AddScoped<DialogEngine>();
        return builder;
    }
}
