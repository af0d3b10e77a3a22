using System.Security.Claims;
using CivicConnect.Core.Security;
using CivicConnect.Server.Security;
using CivicConnect.Staff.Shell;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CivicConnect.Server.Features.StaffConsole;

/// <summary>
/// Starting and ending a console session, and the language choice. With an OpenID Connect
/// provider configured, sign-in goes there. Without one, the development sign-in page answers
/// only in the Development environment; everywhere else it is a 404, so no one can pick a role.
/// </summary>
internal static class ConsoleSignInEndpoints
{
    public static void MapConsoleSignIn(this WebApplication app)
    {
        var group = app.MapGroup("/console").ExcludeFromDescription();
        group.MapGet("/signin", ShowSignIn).AllowAnonymous();
        // Antiforgery is checked in the handler, after the environment check, so that outside
        // Development the answer is always the same 404 whatever the form carries.
        group.MapPost("/signin", SignIn).AllowAnonymous().DisableAntiforgery();
        group.MapPost("/signout", SignOut).AllowAnonymous();
        group.MapGet("/culture", SetCulture).AllowAnonymous();
    }

    private static IResult ShowSignIn(string? returnUrl, IOptions<ConsoleSignInOptions> options, IHostEnvironment environment)
    {
        var target = LocalOrConsole(returnUrl);
        if (options.Value.UsesOidc)
        {
            return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = target }, [ConsoleAuthRegistration.OidcScheme]);
        }

        return environment.IsDevelopment()
            ? new RazorComponentResult<DevSignIn>(new { ReturnUrl = target })
            : DevSignInRefused();
    }

    private static async Task<IResult> SignIn(
        [FromForm] string? role,
        [FromForm] string? department,
        [FromForm] string? name,
        [FromForm] string? returnUrl,
        HttpContext http,
        IAntiforgery antiforgery,
        IOptions<ConsoleSignInOptions> options,
        IHostEnvironment environment)
    {
        if (options.Value.UsesOidc || !environment.IsDevelopment())
        {
            return DevSignInRefused();
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The sign-in form expired", detail: "Open the sign-in page again.");
        }

        if (role is null || !CivicRoles.All.Contains(role))
        {
            return new RazorComponentResult<DevSignIn>(new { ReturnUrl = LocalOrConsole(returnUrl), Error = true }) { StatusCode = StatusCodes.Status400BadRequest };
        }

        var who = string.IsNullOrWhiteSpace(name) ? $"dev-{role}" : name.Trim();
        var identity = new ClaimsIdentity(ConsoleAuthRegistration.CookieScheme, CivicClaims.Name, CivicClaims.Role);
        identity.AddClaim(new Claim(CivicClaims.Subject, who));
        identity.AddClaim(new Claim(CivicClaims.Name, who));
        identity.AddClaim(new Claim(CivicClaims.Role, role));
        if (role == CivicRoles.Triage)
        {
            // Triage staff are staff who also read the reports no department holds yet (ReportScope).
            identity.AddClaim(new Claim(CivicClaims.Role, CivicRoles.Staff));
        }

        if (!string.IsNullOrWhiteSpace(department))
        {
            identity.AddClaim(new Claim(CivicClaims.Department, department.Trim().ToUpperInvariant()));
        }

        await http.SignInAsync(ConsoleAuthRegistration.CookieScheme, new ClaimsPrincipal(identity));
        return TypedResults.LocalRedirect(LocalOrConsole(returnUrl));
    }

    private static async Task<IResult> SignOut(HttpContext http, IOptions<ConsoleSignInOptions> options)
    {
        await http.SignOutAsync(ConsoleAuthRegistration.CookieScheme);
        return options.Value.UsesOidc
            ? TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/console" }, [ConsoleAuthRegistration.OidcScheme])
            : TypedResults.LocalRedirect("/console");
    }

    private static RedirectHttpResult SetCulture(string? lang, string? returnUrl, HttpContext http)
    {
        var culture = lang == "fr" ? "fr-CA" : "en-CA";
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Path = "/", MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true, IsEssential = true });
        return TypedResults.LocalRedirect(LocalOrConsole(returnUrl));
    }

    private static ProblemHttpResult DevSignInRefused() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Development sign-in is off",
        detail: "Outside the Development environment the console signs in with the city's OpenID Connect provider (Console:SignIn:Authority).");

    /// <summary>Only a path on this site (no open redirect); anything else returns to the console.</summary>
    private static string LocalOrConsole(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/console";
}
