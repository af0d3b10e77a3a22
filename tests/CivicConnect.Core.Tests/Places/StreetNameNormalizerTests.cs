using CivicConnect.Geo.Places.Normalize;

namespace CivicConnect.Core.Tests.Places;

public sealed class StreetNameNormalizerTests
{
    [Theory]
    [InlineData("Macleod Trail S", "macleod TR", "S")]
    [InlineData("MACLEOD TR", "macleod TR", null)]
    [InlineData("macleod trl se", "macleod TR", "SE")]
    [InlineData("17th Ave SW", "17 AV", "SW")]
    [InlineData("17 AV SW", "17 AV", "SW")]
    [InlineData("seventeenth avenue south west", "17 AV", "SW")]
    [InlineData("la 17e Avenue SO", "17 AV", "SW")]
    [InlineData("4e Rue S.-O.", "4 ST", "SW")]
    [InlineData("Centre St N", "centre ST", "N")]
    [InlineData("NB DEERFOOT TR NE", "deerfoot TR", "NE")]
    [InlineData("Crowchild Tr", "crowchild TR", null)]
    [InlineData("MILLSIDE BV SE", "millside BV", "SE")]
    [InlineData("Country Hills Boulevard", "country hills BV", null)]
    [InlineData("Tsuut'ina Trail SW", "tsuutina TR", "SW")]
    [InlineData("HERITAGE GA SE", "heritage GA", "SE")]
    [InlineData("Patterson Heights SW", "patterson HT", "SW")]
    [InlineData("rue 17", "17 ST", null)]
    public void Normalize_EverySourceAndCitizenSpelling_MeetsOnOneKey(string written, string key, string? quadrant)
    {
        var street = StreetNameNormalizer.Normalize(written);

        Assert.NotNull(street);
        Assert.Equal(key, street.Key);
        Assert.Equal(quadrant, street.Quadrant);
    }

    [Theory]
    [InlineData("DEERFOOT TR SE RAMP")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("SW")]
    public void Normalize_NoStreetLeft_IsNull(string written) => Assert.Null(StreetNameNormalizer.Normalize(written));

    [Fact]
    public void Label_NormalForm_ReadsAsOnASign() =>
        Assert.Equal("17 Ave SW", StreetNameNormalizer.Normalize("seventeenth avenue sw")!.Label);

    [Theory]
    [InlineData("S", "SE", true)]
    [InlineData("S", "SW", true)]
    [InlineData("SE", "S", true)]
    [InlineData("SE", "SW", false)]
    [InlineData("N", "SE", false)]
    [InlineData(null, "NW", true)]
    public void Compatible_AxisHalves_CoverTheirQuadrants(string? asked, string? known, bool compatible) =>
        Assert.Equal(compatible, Quadrants.Compatible(asked, known));
}
