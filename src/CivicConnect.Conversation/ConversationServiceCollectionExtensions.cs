using CivicConnect.Conversation.Dialogs;
using CivicConnect.Conversation.Engine;
using CivicConnect.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CivicConnect.Conversation;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>The dialog engine with its dialogs (reloaded on change). The host registers the classifier it asks (<c>AddClassification</c>).</summary>
    public static IHostApplicationBuilder AddConversation(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<CityOptions>(CityOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<CityOptions>, CityOptionsValidator>();
        builder.Services.AddSingleton<IDialogCatalog, FileDialogCatalog>();
        builder.Services.AddScoped<DialogEngine>();
        return builder;
    }
}
