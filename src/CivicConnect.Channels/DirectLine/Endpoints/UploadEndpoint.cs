using System.Text.Json.Nodes;
using CivicConnect.Channels.DirectLine.Auth;
using CivicConnect.Channels.DirectLine.Inbound;
using CivicConnect.Channels.DirectLine.Protocol;
using CivicConnect.Channels.Media;
using CivicConnect.Core.Messages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CivicConnect.Channels.DirectLine.Endpoints;

/// <summary>
/// <c>POST /v3/directline/conversations/{id}/upload?userId=</c>: photos as multipart file parts,
/// plus an optional "activity" part (the message they belong to), as directlinejs sends them.
/// Every part is checked before anything is stored, so a rejected upload leaves nothing behind.
/// </summary>
internal static class UploadEndpoint
{
    private const string ActivityPart = "activity";

    public static async Task<Results<Ok<ResourceResponse>, ValidationProblem, ProblemHttpResult>> Upload(
        string conversationId,
        string? userId,
        HttpContext context,
        IMediaStore media,
        DirectLineActivityIntake intake,
        ConversationQuota quota,
        IOptions<DirectLineOptions> options,
        IOptions<MediaOptions> mediaOptions,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var maxImageBytes = (int)Math.Min(mediaOptions.Value.MaxImageBytes, int.MaxValue - 1);
        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !string.Equals(contentType.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return DirectLineProblems.UnsupportedMedia("Send photos as multipart/form-data.");
        }

        var maxTotal = ((long)maxImageBytes * settings.MaxFilesPerUpload) + settings.MaxActivityBytes + (64 * 1024);
        if (request.ContentLength > maxTotal)
        {
            return DirectLineProblems.TooLarge($"At most {settings.MaxFilesPerUpload} photos of {maxImageBytes / (1024 * 1024.0):0.#} MB each can be sent at once.");
        }

        byte[]? activityJson = null;
        var files = new List<(string? Name, byte[] Data)>();
        var reader = new MultipartReader(boundary, request.Body);
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                var disposition = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var parsed) ? parsed : null;
                var name = HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).Value;
                if (string.Equals(name, ActivityPart, StringComparison.OrdinalIgnoreCase))
                {
                    activityJson = await RequestBody.ReadLimitedAsync(section.Body, null, settings.MaxActivityBytes, cancellationToken);
                    if (activityJson is null)
                    {
                        return DirectLineProblems.TooLarge($"The activity part can be at most {settings.MaxActivityBytes / 1024} KB.");
                    }

                    continue;
                }

                if (files.Count == settings.MaxFilesPerUpload)
                {
                    return DirectLineProblems.Invalid(new Dictionary<string, string[]> { ["file"] = [$"At most {settings.MaxFilesPerUpload} photos can be sent at once."] });
                }

                var data = await RequestBody.ReadLimitedAsync(section.Body, null, maxImageBytes, cancellationToken);
                if (data is null)
                {
                    return DirectLineProblems.TooLarge($"A photo can be at most {maxImageBytes / (1024 * 1024.0):0.#} MB.");
                }

                var fileName = HeaderUtilities.RemoveQuotes(disposition?.FileNameStar.HasValue == true ? disposition.FileNameStar : disposition?.FileName ?? default).Value;
                files.Add((fileName, data));
            }
        }
        catch (InvalidDataException ex)
        {
            return DirectLineProblems.Invalid(new Dictionary<string, string[]> { ["file"] = [$"The multipart body is malformed: {ex.Message}"] });
        }

        if (files.Count == 0)
        {
            return DirectLineProblems.Invalid(new Dictionary<string, string[]> { ["file"] = ["The upload has no file."] });
        }

        if (files.Any(f => ImageSniffer.Sniff(f.Data.AsSpan(0, Math.Min(f.Data.Length, ImageSniffer.HeaderLength))) is null))
        {
            return DirectLineProblems.UnsupportedMedia("Only photos (JPEG, PNG, WebP or HEIC) can be sent.");
        }

        if (await quota.RefusalAsync(conversationId, files.Sum(f => (long)f.Data.Length) + (activityJson?.Length ?? 0), cancellationToken) is { } wait)
        {
            return DirectLineProblems.QuotaSpent(context, wait);
        }

        var read = IncomingActivityReader.Read(activityJson ?? """{"type":"message"}"""u8.ToArray(), settings.MaxTextLength);
        if (read.Errors is { } errors)
        {
            return DirectLineProblems.Invalid(errors);
        }

        var stored = new List<StoredMedia>();
        try
        {
            foreach (var (fileName, data) in files)
            {
                using var content = new MemoryStream(data, writable: false);
                stored.Add(await media.SaveImageAsync(content, fileName, cancellationToken));
            }
        }
        catch (MediaRejectedException rejected)
        {
            await DeleteAllAsync(media, stored);
            return rejected.Reason is MediaRejection.TooLarge or MediaRejection.TooManyPixels
                ? DirectLineProblems.TooLarge(rejected.Message)
                : DirectLineProblems.UnsupportedMedia(rejected.Message);
        }
        catch
        {
            // Anything else (the client hung up, the disk failed): the photos stored so far belong to no message.
            await DeleteAllAsync(media, stored);
            throw;
        }

        // Uploads are always messages; the attachments clients see are the stored copies.
        var incoming = read.Activity! with { Type = IncomingActivity.MessageType };
        incoming.Json["attachments"] = new JsonArray(stored.Select(m => (JsonNode)Describe(request, m)).ToArray());
        var attachments = stored.Select(m => new ActivityAttachment(
            m.ContentType,
            StoredPath: m.Path,
            ThumbnailPath: m.ThumbnailPath,
            SizeBytes: m.SizeBytes,
            Name: m.OriginalName,
            EmbeddedLocation: m.ExifLocation)).ToArray();

        string id;
        try
        {
            id = await intake.AcceptAsync(conversationId, context.DirectLineCaller(), incoming, attachments, userId is { Length: > 0 and <= 200 } ? userId : null, cancellationToken);
        }
        catch
        {
            // The message was not taken (the transaction rolled back), so no message will ever point at these files.
            await DeleteAllAsync(media, stored);
            throw;
        }

        return TypedResults.Ok(new ResourceResponse(id));
    }

    private static async Task DeleteAllAsync(IMediaStore media, IEnumerable<StoredMedia> stored)
    {
        foreach (var saved in stored)
        {
            await media.DeleteAsync(saved, CancellationToken.None);
        }
    }

    private static JsonObject Describe(HttpRequest request, StoredMedia media)
    {
        var attachment = new JsonObject
        {
            ["contentType"] = media.ContentType,
            ["contentUrl"] = StreamUrls.MediaUrl(request, media.Path),
        };
        if (media.OriginalName is { } name)
        {
            attachment["name"] = name;
        }

        if (media.ThumbnailPath is { } thumbnail)
        {
            attachment["thumbnailUrl"] = StreamUrls.MediaUrl(request, thumbnail);
        }

        return attachment;
    }
}
