using CivicConnect.Channels.Media;
using CivicConnect.Channels.Providers;
using CivicConnect.Channels.WhatsAppCloud.Endpoints;
using CivicConnect.Channels.WhatsAppCloud.Inbound;
using CivicConnect.Channels.WhatsAppCloud.Outbound;
using CivicConnect.Core.Hosting;
using CivicConnect.Messaging.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.WhatsAppCloud;

public static class WhatsAppCloudRegistration
{
    /// <summary>
    /// Meta's WhatsApp Cloud API (section <c>WhatsAppCloud</c>). The webhook is always mapped (and
    /// answers 404 while unconfigured); the sender exists only with credentials. Needs
    /// <see cref="Messaging.MessagingRegistration.AddMessaging"/> and <see cref="ChannelsServiceCollectionExtensions.AddChannels"/>.
    /// </summary>
    public static IHostApplicationBuilder AddWhatsAppCloudChannel(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<WhatsAppCloudOptions>(WhatsAppCloudOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<WhatsAppCloudOptions>, WhatsAppCloudOptionsValidator>();
        builder.AddMediaStore();
        builder.Services.AddTransient<GraphAuthHandler>();
        builder.Services.AddHttpClient(CloudMediaFetcher.HttpClientName)
            .AddProviderResilience(CloudSender.PipelineName)
            .AddHttpMessageHandler<GraphAuthHandler>();
        builder.Services.AddSingleton<CloudMediaFetcher>();
        builder.Services.AddSingleton<IProviderMedia>(sp => sp.GetRequiredService<CloudMediaFetcher>());

        var configured = builder.Configuration.GetSection(WhatsAppCloudOptions.SectionName).Get<WhatsAppCloudOptions>()?.IsConfigured == true;
        if (configured)
        {
            builder.Services.AddSingleton<IChannelSender, CloudSender>();
        }

        return builder;
    }

    /// <summary>The callback URL an operator enters in the Meta app's WhatsApp configuration.</summary>
    public static RouteGroupBuilder MapWhatsAppCloudChannel(this IEndpointRouteBuilder app)
    {
        var meta = app.MapGroup("/channels/whatsapp").WithTags("WhatsApp").DisableAntiforgery();
        meta.MapGet("/meta", WebhookEndpoints.Verify).WithName("VerifyWhatsAppWebhook");
        meta.MapPost("/meta", WebhookEndpoints.Receive).WithName("ReceiveWhatsAppWebhook");
        return meta;
    }
}
