using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CivicConnect.Channels.Providers;
using CivicConnect.Core.Messages;
using CivicConnect.Messaging.Outbox;
using CivicConnect.Messaging.Recipients;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.CitizenPush.Fcm;

/// <summary>
/// Sends a status update to the city's app through Firebase Cloud Messaging HTTP v1
/// (<c>POST /v1/projects/{project}/messages:send</c>): a notification the phone shows, and the
/// same fields as data (status page url, language) for the app to open. A token FCM calls
/// UNREGISTERED (the app was removed) is forgotten; throttling and outages are retried by the outbox.
/// </summary>
internal sealed class FcmSender(IHttpClientFactory httpClients, FcmAccessTokens tokens, UpdateTargets targets, IOptions<FcmOptions> options) : IChannelSender
{
    public const string PipelineName = "fcm-send";

    public string Channel => ChannelIds.Fcm;

    public async Task<SendOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (UpdateTargetAddress.Parse(message.Address) is not { } id || await targets.FindAsync(id, cancellationToken) is not { } target)
        {
            return SendOutcome.Failure("The app's FCM registration was removed.", permanent: true);
        }

        var content = PushContent.Of(message);
        var data = new JsonObject { ["title"] = content.Title, ["body"] = content.Body, ["lang"] = content.Lang };
        if (content.Url is not null)
        {
            data["url"] = content.Url;
        }

        var body = new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["token"] = target.Address,
                ["notification"] = new JsonObject { ["title"] = content.Title, ["body"] = content.Body },
                ["data"] = data,
            },
        };
        try
        {
            var account = tokens.Account;
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.BaseUrl, $"v1/projects/{Uri.EscapeDataString(account.ProjectId)}/messages:send"))
            {
                Content = JsonContent.Create(body),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellationToken));
            using var response = await httpClients.CreateClient(PipelineName).SendAsync(request, cancellationToken);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return SendOutcome.Success(JsonNode.Parse(answer)?["name"]?.GetValue<string>());
            }

            return await FailureAsync(response, answer, target.Id);
        }
        catch (FcmTokenException ex)
        {
            return SendOutcome.Failure(ex.Message, permanent: ex.Permanent);
        }
        catch (Exception ex) when (ProviderResilience.IsOpenCircuit(ex))
        {
            return SendOutcome.CircuitOpen("FCM");
        }
        catch (Exception ex) when (ProviderResilience.IsTransient(ex) || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return SendOutcome.Failure("FCM could not be reached: " + ex.Message);
        }
    }

    private async Task<SendOutcome> FailureAsync(HttpResponseMessage response, string answer, long targetId)
    {
        var error = $"FCM answered {(int)response.StatusCode}: {answer}";
        if (ErrorCode(answer) == "UNREGISTERED")
        {
            await targets.RemoveAsync(targetId, CancellationToken.None);
            return SendOutcome.Failure("The app is no longer registered with FCM; its token was removed.", permanent: true);
        }

        switch (response.StatusCode)
        {
            case HttpStatusCode.Unauthorized:
                tokens.Forget();
                return SendOutcome.Failure(error);
            case HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.InternalServerError:
                return SendOutcome.Failure(error, retryAfter: response.Headers.RetryAfter?.Delta);
            default:
                return SendOutcome.Failure(error, permanent: true);
        }
    }

    /// <summary>The FcmError code in <c>error.details[]</c> (UNREGISTERED, INVALID_ARGUMENT, QUOTA_EXCEEDED …).</summary>
    private static string? ErrorCode(string answer)
    {
        try
        {
            return JsonNode.Parse(answer)?["error"]?["details"]?.AsArray()
                .Select(d => d?["errorCode"]?.GetValue<string>())
                .FirstOrDefault(c => c is not null);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
