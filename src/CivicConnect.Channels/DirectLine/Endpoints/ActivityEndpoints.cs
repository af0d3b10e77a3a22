using CivicConnect.Channels.DirectLine.Auth;
using CivicConnect.Channels.DirectLine.Inbound;
using CivicConnect.Channels.DirectLine.Protocol;
using CivicConnect.Channels.DirectLine.Streaming;
using CivicConnect.Channels.DirectLine.Transcript;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.DirectLine.Endpoints;

internal static class ActivityEndpoints
{
    private const int PageSize = 200;

    /// <summary><c>POST /v3/directline/conversations/{id}/activities</c>: a Bot Framework activity from the client.</summary>
    public static async Task<Results<Ok<ResourceResponse>, ValidationProblem, ProblemHttpResult>> PostActivity(
        string conversationId, HttpContext context, DirectLineActivityIntake intake, ConversationQuota quota, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var body = await RequestBody.ReadLimitedAsync(context.Request, settings.MaxActivityBytes, cancellationToken);
        if (body is null)
        {
            return DirectLineProblems.TooLarge($"An activity can be at most {settings.MaxActivityBytes / 1024} KB; send photos through /upload.");
        }

        if (await quota.RefusalAsync(conversationId, body.Length, cancellationToken) is { } wait)
        {
            return DirectLineProblems.QuotaSpent(context, wait);
        }

        var read = IncomingActivityReader.Read(body, settings.MaxTextLength);
        if (read.Errors is { } errors)
        {
            return DirectLineProblems.Invalid(errors);
        }

        var id = await intake.AcceptAsync(conversationId, context.DirectLineCaller(), read.Activity!, [], fallbackUserId: null, cancellationToken);
        return TypedResults.Ok(new ResourceResponse(id));
    }

    /// <summary><c>GET /v3/directline/conversations/{id}/activities?watermark=N</c>: user and bot activities after N, oldest first.</summary>
    public static async Task<Results<Ok<ActivitySet>, ProblemHttpResult>> GetActivities(
        string conversationId, string? watermark, DirectLineTranscript transcript, CancellationToken cancellationToken)
    {
        var after = Watermark.Parse(watermark);
        var entries = await transcript.ReadAfterAsync(conversationId, after, PageSize, cancellationToken);
        if (entries.Count == 0 && !(await transcript.FindConversationAsync(conversationId, cancellationToken)).Exists)
        {
            return DirectLineProblems.ConversationNotFound();
        }

        var last = entries.Count > 0 ? entries[^1].Id : after;
        var activities = entries.Select(e => ActivityStream.JsonElementFrom(e.Json)).ToArray();
        return TypedResults.Ok(new ActivitySet(activities, last > 0 ? Watermark.Format(last) : null));
    }
}
