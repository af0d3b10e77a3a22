using CivicConnect.Geo.Places.Parse;

namespace CivicConnect.Core.Tests.Places;

public sealed class PlacePhraseParserTests
{
    [Theory]
    [InlineData("Macleod Trail and Heritage Drive SE", "macleod TR/SE", "heritage DR/SE")]
    [InlineData("Crowchild Tr & Bow Tr", "crowchild TR/", "bow TR/")]
    [InlineData("9 Ave SE & 12 St SE", "9 AV/SE", "12 ST/SE")]
    [InlineData("corner of 17th ave and 4th st sw", "17 AV/SW", "4 ST/SW")]
    [InlineData("coin de la 17e Avenue et de la 4e Rue SO", "17 AV/SW", "4 ST/SW")]
    [InlineData("17 ave sw @ 4 st sw", "17 AV/SW", "4 ST/SW")]
    [InlineData("Southbound Deerfoot Trail at Peigan Trail SE", "deerfoot TR/SE", "peigan TR/SE")]
    public void Parse_TwoStreets_IsACorner(string text, string first, string second)
    {
        var corner = Assert.IsType<CornerPhrase>(PlacePhraseParser.Parse(text)[0]);

        Assert.Equal(first, $"{corner.First.Key}/{corner.First.Quadrant}");
        Assert.Equal(second, $"{corner.Second.Key}/{corner.Second.Quadrant}");
    }

    [Theory]
    [InlineData("Southbound Deerfoot Trail approaching Glenmore Trail SE", PhrasingKind.Approaching, "N")]
    [InlineData("Northbound Crowchild Trail past 16 Avenue NW", PhrasingKind.Approaching, "N")]
    [InlineData("Deerfoot Trail north of Glenmore Trail SE", PhrasingKind.DirectionOf, "N")]
    [InlineData("west of Sarcee Trail on 17 Ave SW", PhrasingKind.DirectionOf, "W")]
    [InlineData("Macleod Trail approaching Heritage Drive SE", PhrasingKind.Approaching, null)]
    public void Parse_ApproachingOrCompassWord_SaysWhichSideOfTheCorner(string text, PhrasingKind kind, string? towards)
    {
        var corner = Assert.IsType<CornerPhrase>(PlacePhraseParser.Parse(text)[0]);

        Assert.Equal(kind, corner.Kind);
        Assert.Equal(towards, corner.Towards);
    }

    [Fact]
    public void Parse_Between_NamesTheStreetAndBothEnds()
    {
        var between = Assert.IsType<BetweenPhrase>(PlacePhraseParser.Parse("17 Ave SW between 4 St and 5 St")[0]);

        Assert.Equal(("17 AV", "4 ST", "5 ST"), (between.Street.Key, between.From.Key, between.To.Key));
    }

    [Theory]
    [InlineData("800 Macleod Trail SE", 800, "macleod TR", false)]
    [InlineData("815 7 Ave SW", 815, "7 AV", false)]
    [InlineData("3651A 21 St NE", 3651, "21 ST", false)]
    [InlineData("the 1000 block of 9 Ave SW", 1000, "9 AV", true)]
    public void Parse_HouseNumberOrBlock_IsAnAddress(string text, int number, string street, bool block)
    {
        var address = Assert.IsType<AddressPhrase>(PlacePhraseParser.Parse(text)[0]);

        Assert.Equal((number, street, block), (address.Number, address.Street.Key, address.Block));
    }

    [Theory]
    [InlineData("Peace Bridge", "peace bridge")]
    [InlineData("the Saddledome", "saddledome")]
    [InlineData("in Bowness", "bowness")]
    public void Parse_NoStreetShape_IsANamedPlace(string text, string words)
    {
        var named = Assert.IsType<NamedPhrase>(PlacePhraseParser.Parse(text)[^1]);

        Assert.Equal(words, named.Words);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("🚧🚧🚧")]
    public void Parse_NothingPlaceLike_GivesNoReading(string text) => Assert.Empty(PlacePhraseParser.Parse(text));

    [Fact]
    public void Parse_AWallOfText_IsNotAPlace() => Assert.Empty(PlacePhraseParser.Parse(new string('a', 5000)));

    [Fact]
    public void Parse_SqlLookingText_IsOnlyWords()
    {
        var named = Assert.IsType<NamedPhrase>(Assert.Single(PlacePhraseParser.Parse("Kensington'; DROP TABLE issues; --")));

        Assert.Equal("kensington drop table issues", named.Words);
    }
}
