using System.Net.Http.Headers;

namespace CivicConnect.LoadGen;

/// <summary>An HTTP client for the staff API as a signed-in supervisor: the run's token, up to <c>connections</c> at once.</summary>
internal static class StaffApiClient
{
    public static HttpClient Create(LoadOptions options, int connections)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = options.Url,
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.StaffToken);
        return http;
    }
}
