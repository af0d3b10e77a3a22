using System.Globalization;
using Microsoft.Extensions.Options;

namespace CivicConnect.Server.Features.Open311;

/// <summary>
/// Open311 GeoReport v2 (<c>/open311/v2</c>), so existing Open311 clients and FixMyStreet-style
/// front ends work unchanged. Every resource comes as <c>.xml</c> (the spec's required format) or
/// <c>.json</c>; errors use the spec's error list in the same format, never problem details.
/// </summary>
internal static class Open311Endpoints
{
    public static RouteGroupBuilder MapOpen311(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/open311/v2").WithTags("Open311");
        group.MapGet("/services.{format}", ListServices).WithName("Open311ListServices").RequireRateLimiting(Open311Registration.ReadsPolicy);
        group.MapGet("/services/{serviceCode}.{format}", DefineService).WithName("Open311DefineService").RequireRateLimiting(Open311Registration.ReadsPolicy);
        group.MapPost("/requests.{format}", PostRequest).WithName("Open311PostRequest").DisableAntiforgery();
        group.MapGet("/requests.{format}", ListRequests).WithName("Open311ListRequests").RequireRateLimiting(Open311Registration.ReadsPolicy);
        group.MapGet("/requests/{serviceRequestId}.{format}", GetRequest).WithName("Open311GetRequest").RequireRateLimiting(Open311Registration.ReadsPolicy);
        group.MapGet("/tokens/{token}.{format}", GetToken).WithName("Open311GetToken").RequireRateLimiting(Open311Registration.ReadsPolicy);
        return group;
    }

    public static Task<Open311Result> ListServices(string format, string? locale, Open311Catalog catalog, CancellationToken cancellationToken) =>
        Run(format, async f => new Open311Result(Open311Document.List("services", "service", await catalog.ListServicesAsync(locale ?? "en", cancellationToken)), f));

    public static Task<Open311Result> DefineService(string serviceCode, string format, string? locale, Open311Catalog catalog, CancellationToken cancellationToken) =>
        Run(format, async f =>
        {
            var definition = await catalog.DefineAsync(serviceCode, locale ?? "en", cancellationToken)
                ?? throw Open311Exception.NotFound($"service_code '{serviceCode}' was not found");
            return new Open311Result(Open311Document.Single("service_definition", definition), f);
        });

    public static Task<Open311Result> PostRequest(
        string format,
        HttpRequest request,
        Open311Submission submission,
        IOptions<Open311Options> options,
        CancellationToken cancellationToken) =>
        Run(format, async f =>
        {
            // A key in the query string is checked before a byte of the body is read; one in the form
            // (as the spec sends it) is checked first thing after a body of at most MaxRequestBytes.
            var client = request.Query.ContainsKey("api_key") ? submission.Authenticate(request.Query["api_key"].ToString()) : null;
            if (!request.HasFormContentType)
            {
                throw Open311Exception.BadRequest("send the request as application/x-www-form-urlencoded");
            }

            var form = await Open311Form.ReadAsync(request, options.Value.MaxRequestBytes, cancellationToken);
            client ??= submission.Authenticate(form["api_key"].ToString());
            var created = await submission.SubmitAsync(client, form, cancellationToken);
            return new Open311Result(Open311Document.List("service_requests", "request", [created]), f);
        });

    public static Task<Open311Result> ListRequests(
        string format,
        HttpRequest request,
        Open311RequestQuery query,
        IOptions<Open311Options> options,
        TimeProvider clock,
        CancellationToken cancellationToken) =>
        Run(format, async f =>
        {
            var filter = Open311Filters.Parse(request.Query, clock.GetUtcNow(), options.Value.QueryWindowDays);
            var rows = await query.FindAsync(filter, request.Query["locale"].ToString() is { Length: > 0 } l ? l : "en", options.Value.MaxRequests, cancellationToken);
            return new Open311Result(Open311Document.List("service_requests", "request", rows), f);
        });

    public static Task<Open311Result> GetRequest(string serviceRequestId, string format, string? locale, Open311RequestQuery query, TimeProvider clock, CancellationToken cancellationToken) =>
        Run(format, async f =>
        {
            if (!int.TryParse(serviceRequestId, NumberStyles.None, CultureInfo.InvariantCulture, out var reference))
            {
                throw Open311Exception.NotFound($"service_request_id '{serviceRequestId}' was not found");
            }

            var now = clock.GetUtcNow();
            var rows = await query.FindAsync(new Open311RequestFilter([reference], null, now, now, null), locale ?? "en", 1, cancellationToken);
            return rows.Count == 0
                ? throw Open311Exception.NotFound($"service_request_id '{serviceRequestId}' was not found")
                : new Open311Result(Open311Document.List("service_requests", "request", rows), f);
        });

    public static Task<Open311Result> GetToken(string token, string format, Open311RequestQuery query, CancellationToken cancellationToken) =>
        Run(format, async f =>
        {
            var reference = await query.ReferenceForTokenAsync(token, cancellationToken)
                ?? throw Open311Exception.NotFound($"token '{token}' was not found");
            var element = new Open311Element
            {
                { "service_request_id", reference.ToString(CultureInfo.InvariantCulture) },
                { "token", token },
            };
            return new Open311Result(Open311Document.List("service_requests", "request", [element]), f);
        });

    /// <summary>Checks the extension, runs the handler, and answers the spec's refusals in the asked format.</summary>
    private static async Task<Open311Result> Run(string format, Func<Open311Format, Task<Open311Result>> handler)
    {
        if (format is not ("json" or "xml"))
        {
            return Open311Result.Error(Open311Format.Xml, StatusCodes.Status404NotFound, $"format '{format}' is not offered; use .xml or .json");
        }

        var f = Open311Formats.Parse(format);
        try
        {
            return await handler(f);
        }
        catch (Open311Exception refused)
        {
            return Open311Result.Error(f, refused.StatusCode, refused.Message);
        }
    }
}
