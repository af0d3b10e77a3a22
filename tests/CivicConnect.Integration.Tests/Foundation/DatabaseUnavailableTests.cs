using System.Net.Sockets;
using CivicConnect.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CivicConnect.Integration.Tests.Foundation;

/// <summary>
/// The PostgreSQL restart drill (issue #16) saw webhooks answered 500 while the cluster went down. A request that
/// fails because the database is restarting is a 503 with Retry-After (providers retry it), never a 500.
/// </summary>
public sealed class DatabaseUnavailableTests
{
    [Fact]
    public async Task ShutdownOfTheServer_WrappedByEntityFramework_Is503WithRetryAfter()
    {
        var shutdown = new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01");
        var wrapped = new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", shutdown);

        var response = await HandleAsync(wrapped);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, response.StatusCode);
        Assert.Equal("5", response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public async Task ConnectionRefused_Is503()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, (await HandleAsync(refused)).StatusCode);
    }

    [Fact]
    public async Task AConstraintViolation_IsStillA500_NotHiddenAsUnavailable()
    {
        var duplicate = new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505");

        var response = await HandleAsync(new InvalidOperationException("save failed", duplicate));

        Assert.Equal(StatusCodes.Status500InternalServerError, response.StatusCode);
        Assert.Equal(string.Empty, response.Headers.RetryAfter.ToString());
    }

    private static async Task<HttpResponse> HandleAsync(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "POST";
        context.Request.Path = "/channels/twilio/sms";
        context.Response.Body = new MemoryStream();
        var handler = new ProblemExceptionHandler(services.GetRequiredService<Microsoft.AspNetCore.Http.IProblemDetailsService>(), NullLogger<ProblemExceptionHandler>.Instance);

        Assert.True(await handler.TryHandleAsync(context, exception, CancellationToken.None));
        return context.Response;
    }
}
