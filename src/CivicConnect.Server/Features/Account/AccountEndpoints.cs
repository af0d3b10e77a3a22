using System.Security.Claims;
using CivicConnect.Core.Security;

namespace CivicConnect.Server.Features.Account;

internal static class AccountEndpoints
{
    /// <summary>Who the bearer token says the caller is: lets staff tools check a token and show the user.</summary>
    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", (ClaimsPrincipal user) => TypedResults.Ok(new CurrentUser(
                user.FindFirst(CivicClaims.Subject)?.Value ?? string.Empty,
                CivicClaims.ActorOf(user),
                CivicRoles.All.Where(user.IsInRole).ToList(),
                CivicClaims.DepartmentOf(user))))
            .RequireAuthorization(CivicPolicies.Staff)
            .WithTags("Account")
            .WithName("GetCurrentUser");
        return app;
    }

    public sealed record CurrentUser(string Subject, string Name, IReadOnlyList<string> Roles, string? Department);
}
