using System.Net.Http.Headers;
using CivicConnect.Server.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.Infrastructure;

/// <summary>HTTP clients carrying a development bearer token, issued by the app's own issuer and clock.</summary>
public static class StaffClients
{
    public static HttpClient CreateClientAs<TEntry>(this WebApplicationFactory<TEntry> app, string role, string? department = null, string? name = null)
        where TEntry : class
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.TokenFor(role, department, name));
        return client;
    }

    public static string TokenFor<TEntry>(this WebApplicationFactory<TEntry> app, string role, string? department = null, string? name = null)
        where TEntry : class =>
        app.Services.GetRequiredService<DevTokenIssuer>().Issue(name ?? $"test-{role}", [role], department, name);
}
