using CivicConnect.Geo.Places.Import;
using CivicConnect.Geo.Places.Normalize;
using CivicConnect.Geo.Places.Resolve;

namespace CivicConnect.Core.Tests.Places;

/// <summary>The resolver's rules on a small made-up gazetteer, so each answer is known exactly.</summary>
public sealed class PlaceResolverTests
{
    private readonly PlaceResolver resolver = new(PlaceIndex.Build(MadeUpCity()));

    [Fact]
    public void Resolve_KnownCornerAnyOrderAnySpelling_IsOnePoint()
    {
        var one = resolver.Resolve("Macleod Trail and Heritage Drive SE");
        var other = resolver.Resolve("heritage dr & macleod tr s");

        Assert.True(one.Located);
        Assert.Equal(50.9795, one.Candidates[0].Latitude, 3);
        var same = Assert.Single(other.Candidates);
        Assert.Equal((one.Candidates[0].Latitude, one.Candidates[0].Longitude), (same.Latitude, same.Longitude));
        Assert.Equal("Heritage Dr SE & Macleod Trail SE", same.Label); // in the citizen's order
    }

    [Fact]
    public void Resolve_CornerWithoutQuadrantInTwoQuadrants_IsAQuestion()
    {
        var resolution = resolver.Resolve("17 ave and 4 st");

        Assert.True(resolution.Ambiguous);
        Assert.Equal(["17 Ave SW & 4 St SW", "17 Ave NW & 4 St NW"], resolution.Candidates.Select(c => c.Label).Order().Reverse());
    }

    [Fact]
    public void Resolve_QuadrantGiven_PicksThatCorner()
    {
        var resolution = resolver.Resolve("17 Ave NW & 4 St NW");

        Assert.True(resolution.Located);
        Assert.Equal(51.0676, resolution.Candidates[0].Latitude, 3);
    }

    [Fact]
    public void Resolve_MisspeltStreet_FindsItByTrigrams() =>
        Assert.True(resolver.Resolve("Macleod Trial and Heritge Drive SE").Located);

    [Fact]
    public void Resolve_LinesThatCross_MeetWithoutASignal()
    {
        var set = MadeUpCity();
        set.Corners.AddRange(LineCrossings.Find(set.Lines));

        var resolution = new PlaceResolver(PlaceIndex.Build(set)).Resolve("Crowchild Tr & Bow Tr");

        Assert.True(resolution.Located);
        Assert.Equal(51.0436, resolution.Candidates[0].Latitude, 3);
        Assert.Equal(-114.1128, resolution.Candidates[0].Longitude, 3);
    }

    [Fact]
    public void Resolve_KnownAddress_IsItsOwnPoint()
    {
        var resolution = resolver.Resolve("800 Macleod Trail SE");

        Assert.Equal("address", Assert.Single(resolution.Candidates).Kind);
        Assert.Equal(51.0450, resolution.Candidates[0].Latitude, 4);
    }

    [Fact]
    public void Resolve_UnknownNumberBetweenKnownOnes_IsInterpolated()
    {
        var candidate = Assert.Single(resolver.Resolve("850 Macleod Trail SE").Candidates);

        Assert.Equal("interpolated", candidate.Kind);
        Assert.Equal((51.0450 + 51.0430) / 2, candidate.Latitude, 4);
    }

    [Fact]
    public void Resolve_NumberedGrid_PlacesTheHouseBetweenItsCrossStreets()
    {
        // 815 7 Ave SW lies 15 % of the way from 8 St SW to 9 St SW.
        var candidate = Assert.Single(resolver.Resolve("815 7 Ave SW").Candidates);

        Assert.Equal(-114.0790 + ((-114.0820 + 114.0790) * 0.15), candidate.Longitude, 4);
    }

    [Theory]
    [InlineData("Peace Bridge", "Peace Bridge")]
    [InlineData("the Peace Bridge", "Peace Bridge")]
    [InlineData("peace brige", "Peace Bridge")]
    [InlineData("Rockyview hospital", "Rockyview General Hospital")]
    public void Resolve_NamedPlace_ByNameAliasOrTypo(string text, string name) =>
        Assert.Equal(name, Assert.Single(resolver.Resolve(text).Candidates).Label);

    [Fact]
    public void Resolve_Community_IsCoarseForTheDialogToNarrow()
    {
        var resolution = resolver.Resolve("in Bowness");

        Assert.True(resolution.Coarse);
        Assert.False(resolution.Located);
    }

    [Fact]
    public void Resolve_TwoStreetsNobodyKnows_IsNotAGuessAtAPlaceName() =>
        Assert.Empty(resolver.Resolve("Stoney Trail and 69 Street SW").Candidates);

    [Fact]
    public void Describe_PinNearACorner_ReadsBackTheCorner() =>
        Assert.Equal("Macleod Trail SE & Heritage Dr SE", resolver.Describe(50.9797, -114.0713)?.Label);

    [Fact]
    public void Describe_PinAtAnAddress_ReadsBackTheAddress() =>
        Assert.Equal("800 Macleod Trail SE", resolver.Describe(51.04502, -114.05698)?.Label);

    [Fact]
    public void Describe_PinFarFromAnything_IsNothing() => Assert.Null(resolver.Describe(51.5, -113.5));

    private static PlaceSet MadeUpCity()
    {
        var set = new PlaceSet();
        void Corner(string a, string b, string? quadrant, double lat, double lon, string source = "signal") =>
            set.Corners.Add(new KnownCorner(StreetNameNormalizer.Normalize(a)!, StreetNameNormalizer.Normalize(b)!, quadrant, lat, lon, source));

        Corner("MACLEOD TRAIL S", "HERITAGE DRIVE", "SE", 50.9795, -114.0715);
        Corner("SB MACLEOD TR", "HERITAGE DR SE", "SE", 50.9798, -114.0712, "stop");
        Corner("17 AVENUE", "4 STREET", "SW", 51.0378, -114.0715);
        Corner("17 AVENUE", "4 STREET", "NW", 51.0676, -114.0714);
        Corner("7 AV SW", "8 ST SW", "SW", 51.0469, -114.0790, "stop");
        Corner("7 AV SW", "9 ST SW", "SW", 51.0469, -114.0820, "stop");
        set.Addresses.Add(new KnownAddress(800, null, StreetNameNormalizer.Normalize("MACLEOD TR SE")!, 51.0450, -114.0570, "BELTLINE"));
        set.Addresses.Add(new KnownAddress(900, null, StreetNameNormalizer.Normalize("MACLEOD TR SE")!, 51.0430, -114.0570, "BELTLINE"));
        set.Places.Add(new KnownPlace("Peace Bridge", "landmark", PlaceAliases.Expand(["Peace Bridge"], bareWord: true), 51.0537, -114.0794, Coarse: false));
        set.Places.Add(new KnownPlace("Rockyview General Hospital", "hospital", PlaceAliases.Expand(["Rockyview General Hospital"], bareWord: true), 50.9918, -114.0963, Coarse: false));
        set.Places.Add(new KnownPlace("Bowness", "community", PlaceAliases.Expand(["Bowness"]), 51.0834, -114.1884, Coarse: true));
        var reader = new NetTopologySuite.IO.WKTReader();
        set.Lines.Add(new KnownStreetLine(StreetNameNormalizer.Normalize("CROWCHILD TR SW")!, (NetTopologySuite.Geometries.MultiLineString)reader.Read("MULTILINESTRING ((-114.1128 51.0400, -114.1128 51.0470))")));
        set.Lines.Add(new KnownStreetLine(StreetNameNormalizer.Normalize("BOW TR SW")!, (NetTopologySuite.Geometries.MultiLineString)reader.Read("MULTILINESTRING ((-114.1000 51.0436, -114.1250 51.0436))")));
        return set;
    }
}
