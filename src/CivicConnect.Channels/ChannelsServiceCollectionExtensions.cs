using CivicConnect.Channels.Providers;
using CivicConnect.Channels.Turns;
using CivicConnect.Messaging.Outbox;
using CivicConnect.Messaging.Turns;
using CivicConnect.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Hosting;

namespace CivicConnect.Channels;

public static class ChannelsServiceCollectionExtensions
{
    /// <summary>
    /// What every channel adapter shares on top of the message path (<c>AddMessaging</c>): the turn
    /// processor that runs the dialog for the inbox, WhatsApp's delivery window for the outbox, and
    /// the provider circuits. The adapters themselves register with their own <c>Add…Channel</c>.
    /// </summary>
    public static IHostApplicationBuilder AddChannels(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ConversationLocker>();
        builder.Services.AddScoped<ITurnRunner, TurnProcessor>();
        builder.Services.AddScoped<Media.PendingMedia>();
        builder.Services.AddScoped<HandOffTurns>();
        builder.Services.AddScoped<IDeliveryWindow, WhatsAppWindow>();
        builder.Services.AddSingleton<ProviderCircuits>();
        builder.Services.AddSingleton<Core.Privacy.IContactRedactor, Privacy.ContactDetailsRedactor>();
        builder.AddValidatedOptions<ChannelsOptions>(ChannelsOptions.SectionName);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChannelsOptions>, ChannelsOptionsValidator>());
        return builder;
    }
}
