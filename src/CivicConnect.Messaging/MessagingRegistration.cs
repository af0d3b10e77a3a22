using CivicConnect.Core.Hosting;
using CivicConnect.Messaging.Inbox;
using CivicConnect.Messaging.Live;
using CivicConnect.Messaging.Outbox;
using CivicConnect.Messaging.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CivicConnect.Messaging;

public static class MessagingRegistration
{
    /// <summary>
    /// The durable path every message takes: inbox, turn queue, outbox and their background
    /// workers. Turns run through the <see cref="ITurnRunner"/> the channels register
    /// (<c>AddChannels</c>); the outbox sends through their <see cref="IChannelSender"/>s.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<MessagingOptions>(MessagingOptions.SectionName);
        builder.Services.AddScoped<IInbound, Inbound>();
        builder.Services.AddSingleton<TurnQueue>();
        builder.Services.AddHostedService<TurnWorkers>();
        builder.Services.AddScoped<IOutbox, OutboxWriter>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddScoped<DeliveryReports>();
        builder.Services.AddSingleton<OutboxNodeLiveness>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxNodeLiveness>());
        builder.Services.AddScoped<Recipients.UpdateTargets>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        builder.Services.AddSingleton<InboxSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InboxSweeper>());
        builder.Services.AddSingleton<PostgresLiveFeed>();
        builder.Services.AddSingleton<ILiveFeed>(sp => sp.GetRequiredService<PostgresLiveFeed>());
        builder.Services.AddSingleton<LiveFeedListener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveFeedListener>());
        return builder;
    }
}
