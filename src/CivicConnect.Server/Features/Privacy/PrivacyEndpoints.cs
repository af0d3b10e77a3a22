using System.Security.Claims;
using CivicConnect.Core.Security;
using CivicConnect.Staff.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CivicConnect.Server.Features.Privacy;

/// <summary>
/// <c>POST /admin/erasures</c>: a supervisor erases a person's data on their request, by phone
/// number, conversation or report reference (exactly one). The same service as <c>civic erase</c>.
/// </summary>
public static class PrivacyEndpoints
{
    public static RouteGroupBuilder MapPrivacyAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/erasures").WithTags("Privacy").RequireAuthorization(CivicPolicies.Supervisor)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/", Erase).WithName("ErasePersonalData")
            .WithSummary("Erase a person's contact, messages, transcripts, conversation state and photos; the report's public facts stay");
        return group;
    }

    public static async Task<Results<Ok<ErasureResult>, NotFound<ProblemDetails>, ValidationProblem>> Erase(
        ErasureRequest request, PersonalDataEraser eraser, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var given = new (ErasureSubjectKind Kind, string? Value)[]
        {
            (ErasureSubjectKind.Phone, request.Phone),
            (ErasureSubjectKind.Conversation, request.Conversation),
            (ErasureSubjectKind.Report, request.Report),
        }.Where(s => !string.IsNullOrWhiteSpace(s.Value)).ToList();
        if (given.Count != 1)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["subject"] = ["Give exactly one of phone, conversation or report."] });
        }

        var subject = new ErasureSubject(given[0].Kind, given[0].Value!);
        try
        {
            var result = await eraser.EraseAsync(subject, ReportViewer.From(user).Name, cancellationToken);
            return result is null
                ? TypedResults.NotFound(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Nothing to erase", Detail = "No conversation, report or request matches." })
                : TypedResults.Ok(result);
        }
        catch (ErasureSubjectException invalid)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [given[0].Kind.ToString().ToLowerInvariant()] = [invalid.Message] });
        }
    }
}

/// <summary>Exactly one of the three.</summary>
public sealed record ErasureRequest(string? Phone, string? Conversation, string? Report);
