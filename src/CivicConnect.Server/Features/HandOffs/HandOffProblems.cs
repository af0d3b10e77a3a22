using CivicConnect.Staff.HandOffs;

namespace CivicConnect.Server.Features.HandOffs;

/// <summary>A refused hand-off action becomes problem details with its status: 404, 403, 409 or 400 with field errors.</summary>
internal sealed class HandOffProblems : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (HandOffRefusedException refused)
        {
            var (status, title) = refused.Refusal switch
            {
                HandOffRefusal.NotFound => (StatusCodes.Status404NotFound, "No such hand-off"),
                HandOffRefusal.Forbidden => (StatusCodes.Status403Forbidden, "Not allowed"),
                HandOffRefusal.Conflict => (StatusCodes.Status409Conflict, "Hand-off not available"),
                _ => (StatusCodes.Status400BadRequest, "One or more fields are invalid"),
            };
            var extensions = refused.Errors.Count > 0 ? new Dictionary<string, object?> { ["errors"] = refused.Errors } : null;
            return TypedResults.Problem(refused.Message, statusCode: status, title: title, extensions: extensions);
        }
    }
}
