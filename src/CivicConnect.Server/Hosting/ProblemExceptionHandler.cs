using CivicConnect.Channels.Media;
using CivicConnect.Geo.Wards;
using CivicConnect.Intelligence.Tuning;
using CivicConnect.Staff.Reports;
using CivicConnect.Workflow.Events;
using CivicConnect.Workflow.Lifecycle;
using CivicConnect.Workflow.Routing;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Server.Hosting;

/// <summary>
/// The one place exceptions become RFC 9457 problem details. Known failures get their 4xx;
/// anything else is a 500 whose body never carries internals.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } tooLarge => (tooLarge.StatusCode, "Too large", tooLarge.Message),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
            RequestValidationException invalid => (StatusCodes.Status400BadRequest, "One or more fields are invalid", invalid.Message),
            TuningInputException => (StatusCodes.Status400BadRequest, "One or more fields are invalid", exception.Message),
            RoutingRulesInvalidException => (StatusCodes.Status400BadRequest, "One or more fields are invalid", exception.Message),
            EventSubscriberInvalidException => (StatusCodes.Status400BadRequest, "One or more fields are invalid", exception.Message),
            WardImportException ward => (StatusCodes.Status400BadRequest, "The ward file cannot be imported", ward.Message),
            TransitionNotAllowedException notAllowed => (StatusCodes.Status409Conflict, "Transition not possible", notAllowed.Message),
            TransitionDataException => (StatusCodes.Status400BadRequest, "One or more fields are invalid", exception.Message),
            TransitionForbiddenException => (StatusCodes.Status403Forbidden, "Not allowed", exception.Message),
            ReportFilterException => (StatusCodes.Status400BadRequest, "One or more fields are invalid", exception.Message),
            ReportForbiddenException => (StatusCodes.Status403Forbidden, "Not allowed", exception.Message),
            IssueChangedException => (StatusCodes.Status409Conflict, "Changed by someone else", exception.Message),
            MediaRejectedException { Reason: MediaRejection.TooLarge or MediaRejection.TooManyPixels } => (StatusCodes.Status413PayloadTooLarge, "The photo is too large", exception.Message),
            MediaRejectedException => (StatusCodes.Status400BadRequest, "Not a photo we accept", exception.Message),
            IssueNotFoundException => (StatusCodes.Status404NotFound, "No such issue", exception.Message),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "Changed by someone else", "The record was changed by another request; reload it and try again."),
            System.Text.Json.JsonException json => (StatusCodes.Status400BadRequest, "Malformed JSON", json.Message),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "Client closed request", null),
            _ when TextNotStorable.Is(exception) => (StatusCodes.Status400BadRequest, "One or more fields are invalid", "The text holds a character that cannot be stored (U+0000 or an encoding error); remove it and send again."),
            _ when DatabaseUnavailable.Is(exception) => (StatusCodes.Status503ServiceUnavailable, "Temporarily unavailable", "Try again in a few seconds."),
            _ => (StatusCodes.Status500InternalServerError, "Something went wrong on our side", "The error has been logged."),
        };

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            // Not a bug: the database is restarting. Clients retry after the pause; a warning, not an error.
            httpContext.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            logger.LogWarning("Database unavailable for {Method} {Path}: {Reason}", httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
        }
        else if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        };
        if (exception is RequestValidationException { Errors: var errors })
        {
            context.ProblemDetails.Extensions["errors"] = errors;
        }

        if (exception is TuningInputException { Errors: var tuningErrors })
        {
            context.ProblemDetails.Extensions["errors"] = tuningErrors;
        }

        if (exception is RoutingRulesInvalidException { Errors: var routingErrors })
        {
            context.ProblemDetails.Extensions["errors"] = routingErrors;
        }

        if (exception is EventSubscriberInvalidException { Errors: var subscriberErrors })
        {
            context.ProblemDetails.Extensions["errors"] = subscriberErrors;
        }

        if (exception is ReportFilterException { Errors: var filterErrors })
        {
            context.ProblemDetails.Extensions["errors"] = filterErrors;
        }

        if (exception is TransitionDataException { Errors: var fieldErrors })
        {
            context.ProblemDetails.Extensions["errors"] = fieldErrors;
        }

        if (exception is TransitionNotAllowedException notPossible)
        {
            context.ProblemDetails.Extensions["issueStatus"] = notPossible.Status.ToString();
            context.ProblemDetails.Extensions["allowedTriggers"] = notPossible.Allowed.Select(t => t.ToString()).ToArray();
        }

        return await problems.TryWriteAsync(context);
    }
}
