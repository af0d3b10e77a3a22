using System.Net;
using System.Net.Sockets;
using CivicConnect.Integration.Tests.Browser;

namespace CivicConnect.Integration.Tests.Map;

/// <summary>
/// The console fixture with open reports in three categories. Base tiles point at a closed port on
/// 127.0.0.1, as on an offline install: the map must still draw wards and reports.
/// </summary>
public sealed class MapBrowserFixture : ConsoleFixture
{
    public MapBrowserFixture()
    {
        Settings["Console:Map:TileUrl"] = $"http://127.0.0.1:{ClosedPort()}/{{z}}/{{x}}/{{y}}.png";
        Settings["Console:Map:Attribution"] = "Test tiles (unreachable)";
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = CreateDbContext();

        // Near City Hall: three potholes and a graffiti; in Sunalta a streetlight; in Bridgeland a water leak.
        await MapRows.InsertAsync(db, "pothole", 51.0453, -114.0581);
        await MapRows.InsertAsync(db, "pothole", 51.0454, -114.0581);
        await MapRows.InsertAsync(db, "pothole", 51.0453, -114.0580);
        await MapRows.InsertAsync(db, "graffiti", 51.0454, -114.0580);
        await MapRows.InsertAsync(db, "streetlight", 51.0440, -114.1000);
        await MapRows.InsertAsync(db, "water-leak", 51.0530, -114.0400);
    }

    /// <summary>A port nothing listens on: bound, read, released.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
