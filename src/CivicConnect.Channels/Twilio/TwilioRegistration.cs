using CivicConnect.Channels.Media;
using CivicConnect.Channels.Providers;
using CivicConnect.Channels.Twilio.Endpoints;
using CivicConnect.Channels.Twilio.Inbound;
using CivicConnect.Channels.Twilio.Outbound;
using CivicConnect.Core.Hosting;
using CivicConnect.Core.Messages;
using CivicConnect.Messaging.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.Twilio;

public static class TwilioRegistration
{
    /// <summary>
    /// Twilio SMS, MMS and WhatsApp (section <c>Twilio</c>, plus <c>Channels:PublicBaseUrl</c>, registered by <see cref="ChannelsServiceCollectionExtensions.AddChannels"/>).
    /// The webhooks are always mapped (and answer 404 while unconfigured, so an operator sees why);
    /// the senders exist only with credentials. Needs <see cref="Messaging.MessagingRegistration.AddMessaging"/> and <see cref="ChannelsServiceCollectionExtensions.AddChannels"/>.
    /// </summary>
    public static IHostApplicationBuilder AddTwilioChannel(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<TwilioOptions>(TwilioOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>();
        builder.Services.AddSingleton<SenderRateLimiter>();
        builder.AddMediaStore();
        builder.Services.AddTransient<TwilioMediaHandler>();
        builder.Services.AddHttpClient(TwilioMediaFetcher.HttpClientName)
            .AddMediaFetchResilience(TwilioMediaFetcher.HttpClientName)
            .AddHttpMessageHandler<TwilioMediaHandler>();
        builder.Services.AddSingleton<TwilioMediaFetcher>();
        builder.Services.AddSingleton<IProviderMedia>(sp => sp.GetRequiredService<TwilioMediaFetcher>());

        var configured = builder.Configuration.GetSection(TwilioOptions.SectionName).Get<TwilioOptions>()?.IsConfigured == true;
        if (!configured)
        {
            return builder;
        }

        builder.Services.AddTransient<TwilioApiHandler>();
        builder.Services.AddHttpClient(TwilioSender.HttpClientName)
            .AddProviderResilience(TwilioSender.PipelineName)
            .AddHttpMessageHandler<TwilioApiHandler>();
        foreach (var channel in new[] { ChannelIds.Sms, ChannelIds.WhatsApp })
        {
            builder.Services.AddSingleton<IChannelSender>(sp => ActivatorUtilities.CreateInstance<TwilioSender>(sp, channel));
        }

        return builder;
    }

    /// <summary>The URLs an operator enters in the Twilio console: incoming messages and status callbacks.</summary>
    public static RouteGroupBuilder MapTwilioChannel(this IEndpointRouteBuilder app)
    {
        var twilio = app.MapGroup("/channels/twilio").WithTags("Twilio").DisableAntiforgery();
        twilio.MapPost("/messages", MessageEndpoint.ReceiveMessage).WithName("ReceiveTwilioMessage");
        twilio.MapPost("/status", StatusEndpoint.ReceiveStatus).WithName("ReceiveTwilioStatus");
        return twilio;
    }
}
