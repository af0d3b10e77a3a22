using System.Net;
using System.Net.Http.Json;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Server.Features.Wards;

namespace CivicConnect.Integration.Tests.Foundation;

public sealed class WardLookupTests(CivicAppFactory app) : IClassFixture<CivicAppFactory>
{
    [Theory]
    [InlineData(51.0453, -114.0581, "7")] // City Hall
    [InlineData(51.0379, -114.0720, "8")] // 17 Ave SW & 4 St SW, Beltline
    [InlineData(50.9982, -114.0733, "11")] // Chinook Centre
    [InlineData(51.1296, -113.9500, "5")] // Saddle Ridge
    [InlineData(51.1240, -114.2430, "1")] // Tuscany
    [InlineData(51.0400, -113.9600, "9")] // Forest Lawn
    [InlineData(51.0530, -114.0420, "9")] // Bridgeland
    [InlineData(50.8800, -113.9800, "12")] // Cranston
    public async Task Lookup_PointInCalgary_ReturnsItsWard(double lat, double lon, string ward)
    {
        var response = await app.CreateClient().GetFromJsonAsync<WardLookupResponse>($"/api/wards/lookup?lat={lat}&lon={lon}");

        Assert.NotNull(response);
        Assert.True(response.InsideCity);
        Assert.Equal(ward, response.Ward?.Code);
        Assert.Equal($"Ward {ward}", response.Ward?.Name);
    }

    [Theory]
    [InlineData(51.2917, -114.0144)] // Airdrie
    [InlineData(51.1894, -114.4670)] // Cochrane
    [InlineData(45.0, -30.0)] // the Atlantic
    public async Task Lookup_PointOutsideCalgary_IsOutsideCityLimitsNotAnError(double lat, double lon)
    {
        var response = await app.CreateClient().GetAsync($"/api/wards/lookup?lat={lat}&lon={lon}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<WardLookupResponse>();
        Assert.False(body!.InsideCity);
        Assert.Null(body.Ward);
    }

    [Theory]
    [InlineData("lat=91&lon=-114")]
    [InlineData("lat=NaN&lon=-114")]
    [InlineData("lat=51")]
    [InlineData("lat=abc&lon=def")]
    public async Task Lookup_InvalidCoordinates_IsAProblemDetails400(string query)
    {
        var response = await app.CreateClient().GetAsync($"/api/wards/lookup?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
