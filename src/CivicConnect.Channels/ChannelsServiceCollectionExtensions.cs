using CivicConnect.Channels.Inbox;
using CivicConnect.Channels.Outbox;
using CivicConnect.Channels.Turns;
using CivicConnect.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CivicConnect.Channels;

public static class ChannelsServiceCollectionExtensions
{
    /// <summary>The durable path every message takes: inbox, turn processor, outbox and their background workers.</summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<MessagingOptions>(MessagingOptions.SectionName);
        builder.Services.AddScoped<IInbound, Inbound>();
        builder.Services.AddScoped<ConversationLocker>();
        builder.Services.AddScoped<TurnProcessor>();
        builder.Services.AddSingleton<TurnQueue>();
        builder.Services.AddHostedService<TurnWorkers>();
        builder.Services.AddScoped<WhatsAppWindow>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddScoped<DeliveryReports>();
        builder.Services.AddSingleton<ProviderCircuits>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        builder.Services.AddSingleton<InboxSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InboxSweeper>());
        return builder;
    }
}
