using System.Text;
using CivicConnect.Geo.Wards;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CivicConnect.Integration.Tests.Foundation;

public sealed class WardImportTests(TestDatabaseFixture fixture) : IClassFixture<TestDatabaseFixture>
{
    private static readonly WardImportRequest Calgary = new("ward_num", "label");

    [Fact]
    public async Task Import_CalgaryFile_LoadsFourteenWardsWithReadableNames()
    {
        await using var db = fixture.Database.CreateDbContext();
        await using var file = File.OpenRead(TestDatabase.WardsFile);

        var result = await new WardImporter(db, new FakeTimeProvider()).ImportAsync(file, Calgary, CancellationToken.None);

        Assert.Equal(14, result.Imported);
        var wards = await db.Wards.AsNoTracking().OrderBy(w => w.Code).Select(w => new { w.Code, w.Name }).ToListAsync();
        Assert.Equal(14, wards.Count);
        Assert.Contains(wards, w => w.Code == "7" && w.Name == "Ward 7");
    }

    [Theory]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[]}", "no features")]
    [InlineData("not json at all", "not valid GeoJSON")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"ward_num\":\"1\",\"label\":\"A\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[-114,51]}}]}", "feature 0: geometry is Point")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"label\":\"A\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-114,51],[-113.9,51],[-113.9,51.1],[-114,51]]]}}]}", "feature 0: property 'ward_num' is missing")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"ward_num\":\"1\",\"label\":\"A\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-114,51],[-113.9,51],[-113.9,51.1],[-114,51]]]}},{\"type\":\"Feature\",\"properties\":{\"ward_num\":\"2\",\"label\":\"B\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[500000,5650000],[500100,5650000],[500100,5650100],[500000,5650000]]]}}]}", "feature 1: coordinates are not WGS 84")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"ward_num\":\"1\",\"label\":\"A\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-114,51],[-113.9,51],[-113.9,51.1],[-114,51]]]}},{\"type\":\"Feature\",\"properties\":{\"ward_num\":\"2\",\"label\":\"B\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-114,51],[-114,51],[-114,51],[-114,51]]]}}]}", "feature 1: the boundary has no usable area")]
    public async Task Import_BrokenFile_IsRefusedWithAClearMessageAndKeepsThePreviousWards(string geoJson, string expectedMessage)
    {
        await using var db = fixture.Database.CreateDbContext();
        var before = await db.Wards.AsNoTracking().OrderBy(w => w.Id).Select(w => w.Code).ToListAsync();

        var error = await Assert.ThrowsAsync<WardImportException>(() =>
            new WardImporter(db, new FakeTimeProvider()).ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(geoJson)), Calgary, CancellationToken.None));

        Assert.Contains(expectedMessage, error.Message, StringComparison.Ordinal);
        var after = await db.Wards.AsNoTracking().OrderBy(w => w.Id).Select(w => w.Code).ToListAsync();
        Assert.Equal(14, after.Count);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Import_SelfIntersectingRing_IsRepairedWithMakeValid()
    {
        // A bow-tie: invalid as drawn, two valid triangles after ST_MakeValid.
        const string bowTie = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"X\",\"name\":\"Bow tie\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-114.0,51.0],[-113.9,51.1],[-113.9,51.0],[-114.0,51.1],[-114.0,51.0]]]}}]}";
        var database = new TestDatabase();
        await database.InitializeAsync();
        try
        {
            await using var db = database.CreateDbContext();
            var result = await new WardImporter(db, new FakeTimeProvider()).ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(bowTie)), new WardImportRequest("code", "name"), CancellationToken.None);

            Assert.Equal(1, result.Repaired);
            var valid = await db.Database.SqlQueryRaw<bool>("SELECT bool_and(ST_IsValid(boundary)) AS \"Value\" FROM wards").SingleAsync();
            Assert.True(valid);
            Assert.Equal(1, await db.Wards.CountAsync());
        }
        finally
        {
            await database.DisposeAsync();
        }
    }
}
