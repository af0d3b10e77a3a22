using System.Threading.RateLimiting;
using CivicConnect.Channels.DirectLine.Auth;
using CivicConnect.Channels.DirectLine.Endpoints;
using CivicConnect.Channels.DirectLine.Inbound;
using CivicConnect.Channels.DirectLine.Outbound;
using CivicConnect.Channels.DirectLine.Streaming;
using CivicConnect.Channels.DirectLine.Transcript;
using CivicConnect.Channels.Media;
using CivicConnect.Core.Hosting;
using CivicConnect.Messaging.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.DirectLine;

public static class DirectLineRegistration
{
    /// <summary>Rate-limit policy of <c>POST /api/webchat/token</c>, per client IP address.</summary>
    public const string WebChatTokenPolicy = "webchat-token";

    /// <summary>Rate-limit policy of posted activities, per conversation (and so per token).</summary>
    public const string ActivitiesPolicy = "directline-activities";

    /// <summary>Rate-limit policy of photo uploads, per conversation (and so per token).</summary>
    public const string UploadsPolicy = "directline-uploads";

    /// <summary>
    /// The Direct Line 3.0-compatible API (section <c>DirectLine</c>), its photo store (section
    /// <c>Media</c>) and the <c>directline</c> channel sender. Needs an <see cref="Messaging.Inbox.IInbound"/>.
    /// </summary>
    public static IHostApplicationBuilder AddDirectLine(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<DirectLineOptions>(DirectLineOptions.SectionName)
            .PostConfigure<IHostEnvironment>((options, environment) =>
            {
                if (string.IsNullOrWhiteSpace(options.Secret) && environment.IsDevelopment())
                {
                    options.Secret = DirectLineOptions.DevelopmentSecret;
                }
            });
        builder.Services.AddSingleton<IValidateOptions<DirectLineOptions>, DirectLineOptionsValidator>();
        builder.AddMediaStore();

        builder.Services.TryAddSingleton<BotIdentity>();
        builder.Services.TryAddSingleton<DirectLineTokens>();
        builder.Services.TryAddSingleton<DirectLineTranscript>();
        builder.Services.TryAddSingleton<TranscriptNotifications>();
        builder.Services.TryAddSingleton<StreamSlots>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TranscriptNotifications>());
        builder.Services.TryAddScoped<DirectLineActivityIntake>();
        builder.Services.TryAddScoped<ConversationQuota>();
        builder.Services.TryAddSingleton<BotActivityRenderer>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelSender, DirectLineSender>());

        builder.Services.AddRateLimiter(limiter => limiter.AddPolicy(WebChatTokenPolicy, context =>
        {
            var perMinute = context.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value.WebChatTokensPerMinute;
            var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        }));
        builder.Services.AddRateLimiter(limiter => limiter
            .AddPolicy(ActivitiesPolicy, context => PerConversation(context, o => o.ActivitiesPerMinute))
            .AddPolicy(UploadsPolicy, context => PerConversation(context, o => o.UploadsPerMinute)));
        return builder;
    }

    /// <summary>
    /// A fixed window per conversation id in the route. Ids we could not have issued get no bucket
    /// of their own (the credentials check refuses them anyway), so made-up ids cannot pile up limiters.
    /// </summary>
    private static RateLimitPartition<string> PerConversation(HttpContext context, Func<DirectLineOptions, int> perMinute)
    {
        var conversationId = context.Request.RouteValues["conversationId"] as string;
        if (!ConversationIds.IsWellFormed(conversationId))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var limit = perMinute(context.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter(conversationId!, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    /// <summary>
    /// <c>/v3/directline/…</c> (Direct Line 3.0), <c>POST /api/webchat/token</c> (tokens for the
    /// public web page) and <c>/media/…</c> (stored photos). Needs the WebSocket and rate-limiter
    /// middleware in the pipeline.
    /// </summary>
    public static RouteGroupBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        app.MapMedia();

        var citizen = app.MapGroup("/api/webchat").WithTags("Web chat").RequireRateLimiting(WebChatTokenPolicy);
        citizen.MapPost("/token", CitizenTokenEndpoints.CreateToken).WithName("CreateWebChatToken");
        citizen.MapPost("/remember", CitizenTokenEndpoints.Remember).WithName("RememberWebChatDevice")
            .RequireDirectLineCredentials(DirectLineCredentials.Token);

        var directLine = app.MapGroup("/v3/directline").WithTags("Direct Line");
        directLine.MapPost("/tokens/generate", TokenEndpoints.GenerateToken).WithName("GenerateDirectLineToken")
            .RequireDirectLineCredentials(DirectLineCredentials.Secret);
        directLine.MapPost("/tokens/refresh", TokenEndpoints.RefreshToken).WithName("RefreshDirectLineToken")
            .RequireDirectLineCredentials(DirectLineCredentials.Token);
        directLine.MapPost("/conversations", ConversationEndpoints.StartConversation).WithName("StartDirectLineConversation")
            .RequireDirectLineCredentials(DirectLineCredentials.SecretOrToken);

        // Browsers cannot set headers on a WebSocket, so only the stream takes its token from the query.
        directLine.MapGet("/conversations/{conversationId}/stream", StreamEndpoint.Stream).WithName("StreamDirectLineActivities")
            .RequireDirectLineCredentials(DirectLineCredentials.SecretOrToken, tokenInQuery: true)
            .ExcludeFromDescription();

        var conversation = directLine.MapGroup("/conversations/{conversationId}")
            .RequireDirectLineCredentials(DirectLineCredentials.SecretOrToken);
        conversation.MapGet("", ConversationEndpoints.GetConversation).WithName("ReconnectDirectLineConversation");
        conversation.MapPost("/activities", ActivityEndpoints.PostActivity).WithName("PostDirectLineActivity")
            .RequireRateLimiting(ActivitiesPolicy);
        conversation.MapGet("/activities", ActivityEndpoints.GetActivities).WithName("GetDirectLineActivities");
        conversation.MapPost("/upload", UploadEndpoint.Upload).WithName("UploadDirectLineAttachments").DisableAntiforgery()
            .RequireRateLimiting(UploadsPolicy);
        return directLine;
    }
}
