using Microsoft.Playwright;

namespace CivicConnect.Integration.Tests.Map;

/// <summary>
/// The map and dashboard pages in real Chromium with base tiles unreachable: wards are drawn as
/// vectors, reports as clusters and markers with a legend and a list, and the dashboard's charts,
/// tables and shaded ward map render.
/// </summary>
public sealed class MapBrowserTests(MapBrowserFixture app) : IClassFixture<MapBrowserFixture>
{
    [Fact]
    public async Task Map_ShowsWardsAndReports_WhenNoTileLoads()
    {
        var console = await app.SignInAsync("supervisor", path: "/console/map");
        var page = console.Page;
        var map = page.GetByTestId("report-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-ready", "true");
        // The unreachable tiles are refused connections, reported by Chromium; nothing else may go wrong.
        Assert.DoesNotContain(console.Problems, p => !p.Contains("net::ERR_CONNECTION_REFUSED", StringComparison.Ordinal));

        // Fourteen ward outlines (SVG paths), and the six open reports as clusters or markers.
        await Assertions.Expect(page.Locator("#report-map path.cc-ward")).ToHaveCountAsync(14);
        await Assertions.Expect(page.GetByTestId("map-status")).ToContainTextAsync("6 open reports in view");
        var markers = page.Locator("#report-map .leaflet-marker-icon");
        await Assertions.Expect(markers.First).ToBeVisibleAsync();
        var titles = await markers.EvaluateAllAsync<string[]>("els => els.map(e => e.title)");
        Assert.Contains(titles, t => t.Contains("Pothole", StringComparison.OrdinalIgnoreCase));

        // The legend names the colours in words, and the list under the map says what is in view.
        await Assertions.Expect(page.GetByTestId("map-legend")).ToContainTextAsync("Pothole");
        var listed = await page.GetByTestId("map-list").Locator("tbody tr td:nth-child(3)").AllInnerTextsAsync();
        Assert.Equal(6, listed.Sum(int.Parse));

        // The tiles were asked for and every one failed: the map did not depend on them.
        await page.WaitForFunctionAsync(
            "() => { const tiles = [...document.querySelectorAll('#report-map img.leaflet-tile')]; return tiles.length > 0 && tiles.every(t => t.complete && t.naturalWidth === 0); }");
        await Assertions.Expect(page.Locator(".leaflet-control-attribution")).ToContainTextAsync("Test tiles");
    }

    [Fact]
    public async Task Map_ForStaff_ShowsOnlyTheirDepartmentsReports_AndZoomsIn()
    {
        var console = await app.SignInAsync("staff", "ROADS", path: "/console/map");
        var page = console.Page;

        await Assertions.Expect(page.GetByTestId("report-map")).ToHaveAttributeAsync("data-ready", "true");
        await Assertions.Expect(page.GetByTestId("map-status")).ToContainTextAsync("4 open reports in view");

        // Zooming with the keyboard reloads the box: still the same four reports, now nearer.
        await page.GetByTestId("report-map").FocusAsync();
        await page.Keyboard.PressAsync("Equal");
        await Assertions.Expect(page.GetByTestId("map-status")).ToContainTextAsync("open reports in view");
        Assert.DoesNotContain(
            await page.Locator("#report-map .leaflet-marker-icon").EvaluateAllAsync<string[]>("els => els.map(e => e.title)"),
            t => t.Contains("Graffiti", StringComparison.OrdinalIgnoreCase) || t.Contains("Water", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Dashboard_RendersItsChartsTablesAndWardMap()
    {
        var console = await app.SignInAsync("supervisor", path: "/console/dashboard");
        var page = console.Page;

        await Assertions.Expect(page.GetByTestId("dashboard-status")).ToContainTextAsync("6 reports in the period");
        foreach (var chart in new[] { "chart-volume", "chart-category", "chart-times" })
        {
            await Assertions.Expect(page.GetByTestId(chart).Locator("svg").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId(chart).Locator("table")).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.GetByTestId("chart-category").Locator("tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByTestId("ward-map")).ToHaveAttributeAsync("data-ready", "true");
        await Assertions.Expect(page.Locator("[data-testid=ward-map] path.cc-ward")).ToHaveCountAsync(14);
        await Assertions.Expect(page.GetByTestId("ward-legend").Locator("li").First).ToBeVisibleAsync();
        var wardCounts = await page.GetByTestId("chart-wards").Locator("tbody tr td").AllInnerTextsAsync();
        Assert.Equal(6, wardCounts.Sum(int.Parse));
    }
}
