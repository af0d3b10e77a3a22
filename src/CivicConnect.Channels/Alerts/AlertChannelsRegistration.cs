using CivicConnect.Channels.Providers;
using CivicConnect.Core.Hosting;
using CivicConnect.Messaging.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.Alerts;

public static class AlertChannelsRegistration
{
    /// <summary>
    /// The staff-alert channels of the outbox: <c>mail</c> (section <c>Mail</c>, SMTP) and
    /// <c>webhook</c> (section <c>Webhook</c>, signed JSON). Each sender exists only when configured;
    /// otherwise the dispatcher marks its rows failed as "not configured", visible at /admin/outbox/failed.
    /// Needs <see cref="Messaging.MessagingRegistration.AddMessaging"/> and <see cref="ChannelsServiceCollectionExtensions.AddChannels"/>.
    /// </summary>
    public static IHostApplicationBuilder AddAlertChannels(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<MailOptions>(MailOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();
        builder.AddValidatedOptions<WebhookOptions>(WebhookOptions.SectionName);

        if (builder.Configuration.GetSection(MailOptions.SectionName).Get<MailOptions>()?.IsConfigured == true)
        {
            builder.Services.AddSingleton<IChannelSender, MailSender>();
        }

        if (builder.Configuration.GetSection(WebhookOptions.SectionName).Get<WebhookOptions>()?.IsConfigured == true)
        {
            builder.Services.AddSingleton<WebhookTargets>();
            builder.Services.AddSingleton<IWebhookAddressRule>(services => services.GetRequiredService<WebhookTargets>());
            builder.Services.AddHttpClient(WebhookSender.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(services => new SocketsHttpHandler
                {
                    // A redirect would lead the call to an address the rule never checked.
                    AllowAutoRedirect = false,
                    ConnectCallback = services.GetRequiredService<WebhookTargets>().ConnectAsync,
                })
                .AddProviderResilience(WebhookSender.PipelineName);
            builder.Services.AddSingleton<IChannelSender, WebhookSender>();
        }

        return builder;
    }
}
