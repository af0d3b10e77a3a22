using CivicConnect.Channels.CitizenPush.Endpoints;
using CivicConnect.Channels.CitizenPush.Fcm;
using CivicConnect.Channels.CitizenPush.WebPush;
using CivicConnect.Channels.DirectLine.Auth;
using CivicConnect.Channels.Providers;
using CivicConnect.Core.Hosting;
using CivicConnect.Messaging.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.CitizenPush;

public static class CitizenPushRegistration
{
    /// <summary>
    /// Status updates that reach web and app citizens outside the chat: <c>webpush</c> (section
    /// <c>WebPush</c>, VAPID) and <c>fcm</c> (section <c>Fcm</c>, service account). Each sender
    /// exists only when configured (e-mail updates use the <c>mail</c> channel of AddAlertChannels).
    /// </summary>
    public static IHostApplicationBuilder AddCitizenPush(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<WebPushOptions>(WebPushOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<WebPushOptions>, WebPushOptionsValidator>();
        builder.AddValidatedOptions<FcmOptions>(FcmOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<FcmOptions>, FcmOptionsValidator>();
        builder.Services.AddScoped<Conversation.Ports.IUpdateContacts, UpdateContacts>();

        if (builder.Configuration.GetSection(WebPushOptions.SectionName).Get<WebPushOptions>()?.IsConfigured == true)
        {
            builder.Services.AddHttpClient(WebPushSender.PipelineName)
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
                .AddProviderResilience(WebPushSender.PipelineName);
            builder.Services.AddScoped<IChannelSender, WebPushSender>();
        }

        if (builder.Configuration.GetSection(FcmOptions.SectionName).Get<FcmOptions>()?.IsConfigured == true)
        {
            builder.Services.AddHttpClient(FcmAccessTokens.HttpClientName).AddProviderResilience(FcmAccessTokens.HttpClientName);
            builder.Services.AddHttpClient(FcmSender.PipelineName).AddProviderResilience(FcmSender.PipelineName);
            builder.Services.AddSingleton<FcmAccessTokens>();
            builder.Services.AddScoped<IChannelSender, FcmSender>();
        }

        return builder;
    }

    /// <summary>
    /// <c>GET /api/webchat/push-key</c> (the VAPID public key the page subscribes with) and, with
    /// the conversation's Direct Line token, <c>PUT|DELETE /v3/directline/conversations/{id}/updates/webpush</c>
    /// and <c>…/updates/fcm</c>: where that conversation's status updates should also go.
    /// </summary>
    public static IEndpointRouteBuilder MapCitizenPush(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/webchat").WithTags("Web chat")
            .MapGet("/push-key", UpdateTargetEndpoints.GetPushKey).WithName("GetWebPushKey");

        var updates = app.MapGroup("/v3/directline/conversations/{conversationId}/updates").WithTags("Direct Line");
        updates.RequireDirectLineCredentials(DirectLineCredentials.SecretOrToken);
        updates.MapPut("/webpush", UpdateTargetEndpoints.PutWebPush).WithName("RegisterWebPushSubscription");
        updates.MapDelete("/webpush", UpdateTargetEndpoints.DeleteWebPush).WithName("RemoveWebPushSubscription");
        updates.MapPut("/fcm", UpdateTargetEndpoints.PutFcm).WithName("RegisterFcmToken");
        updates.MapDelete("/fcm", UpdateTargetEndpoints.DeleteFcm).WithName("RemoveFcmToken");
        return app;
    }
}
