using CivicConnect.Geo.Locating;

namespace CivicConnect.Core.Tests.Locating;

/// <summary>
/// How Calgarians write places → the structured query. Expected values are written as
/// "Kind house [name|type|quadrant] &amp; [name|type|quadrant]" so a row reads at a glance.
/// </summary>
public sealed class CalgaryAddressParserTests
{
    public static TheoryData<string, string> Phrasings => new()
    {
        // Quadrant addresses.
        { "1234 17 Ave SW", "Address 1234 [17|Ave|SW]" },
        { "1234 17th Avenue S.W.", "Address 1234 [17|Ave|SW]" },
        { "1234 17 av sw", "Address 1234 [17|Ave|SW]" },
        { "800 Macleod Trail SE", "Address 800 [Macleod|Trail|SE]" },
        { "123 Centre St N", "Address 123 [Centre|St|N]" },
        { "2500 University Dr NW", "Address 2500 [University|Dr|NW]" },
        { "1234 17 Ave SW, Calgary, AB T2T 0A1", "Address 1234 [17|Ave|SW]" },
        { "1234 17 Ave SW Calgary Alberta", "Address 1234 [17|Ave|SW]" },
        { "1234, 17e Avenue S.-O.", "Address 1234 [17|Ave|SW]" },
        { "rue Centre sud", "Street [Centre|St|S]" },
        { "310 8 Ave south west", "Address 310 [8|Ave|SW]" },

        // Streets alone, numbered in digits or words.
        { "17th Ave SW", "Street [17|Ave|SW]" },
        { "17 av sw", "Street [17|Ave|SW]" },
        { "seventeenth avenue", "Street [17|Ave|]" },
        { "Seventeenth Avenue Southwest", "Street [17|Ave|SW]" },
        { "twenty-first street nw", "Street [21|St|NW]" },
        { "ninety-ninth avenue se", "Street [99|Ave|SE]" },
        { "fifty second street ne", "Street [52|St|NE]" },
        { "thirtieth avenue", "Street [30|Ave|]" },
        { "first street sw", "Street [1|St|SW]" },
        { "on 4th st sw", "Street [4|St|SW]" },
        { "Stephen Ave", "Street [Stephen|Ave|]" },
        { "la 17e Avenue SO", "Street [17|Ave|SW]" },

        // Intersections: the quadrant written once applies to both numbered streets.
        { "17 Ave & 4 St SW", "Intersection [17|Ave|SW] & [4|St|SW]" },
        { "17 Ave SW & 4 St SW", "Intersection [17|Ave|SW] & [4|St|SW]" },
        { "17th ave sw and 4th st", "Intersection [17|Ave|SW] & [4|St|SW]" },
        { "17 ave at 4 st sw", "Intersection [17|Ave|SW] & [4|St|SW]" },
        { "17 ave @ 14 st sw", "Intersection [17|Ave|SW] & [14|St|SW]" },
        { "Centre St N and 16 Ave", "Intersection [Centre|St|N] & [16|Ave|N]" },
        { "Macleod Trail S / Glenmore", "Intersection [Macleod|Trail|S] & [Glenmore||]" },
        { "Macleod Trl and Glenmore Trail", "Intersection [Macleod|Trail|] & [Glenmore|Trail|]" },
        { "corner of 17th Ave and 4th St SW", "Intersection [17|Ave|SW] & [4|St|SW]" },
        { "at the corner of seventeenth avenue and fourth street southwest", "Intersection [17|Ave|SW] & [4|St|SW]" },
        { "the intersection of 8 ave sw & 2 st sw", "Intersection [8|Ave|SW] & [2|St|SW]" },
        { "coin de la 17e Avenue SO et de la 4e Rue SO", "Intersection [17|Ave|SW] & [4|St|SW]" },
        { "à l'angle de la 16e Avenue NO et de la rue Centre N", "Intersection [16|Ave|NW] & [Centre|St|N]" },
        { "Coin de la 1re Rue SE et de la 9e Avenue SE", "Intersection [1|St|SE] & [9|Ave|SE]" },
        { "Crowchild Trail NW & 24 Ave", "Intersection [Crowchild|Trail|NW] & [24|Ave|NW]" },
        { "Deerfoot Trail & Memorial Drive", "Intersection [Deerfoot|Trail|] & [Memorial|Dr|]" },
        { "near 14 St & 17 Ave SW", "Intersection [14|St|SW] & [17|Ave|SW]" },
        { "32 ave ne + barlow trail", "Intersection [32|Ave|NE] & [Barlow|Trail|]" },

        // Communities and landmarks.
        { "Kensington", "Place Kensington" },
        { "bridgeland", "Place Bridgeland" },
        { "near City Hall", "Place City Hall" },
        { "the Calgary Tower", "Place Calgary Tower" },
        { "Prince's Island Park", "Place Prince's Island Park" },
        { "Chinook Centre", "Place Chinook Centre" },
        { "Marda Loop", "Place Marda Loop" },
        { "Kensington, Calgary", "Place Kensington" },
        { "University of Calgary", "Place University Of Calgary" },
    };

    [Theory]
    [MemberData(nameof(Phrasings))]
    public void Phrasing_parses_to_the_structured_query(string text, string expected) =>
        Assert.Equal(expected, Describe(CalgaryAddressParser.Parse(text)));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("&&& ///")]
    [InlineData(null)]
    public void Nothing_placelike_gives_no_query(string? text) => Assert.Null(CalgaryAddressParser.Parse(text));

    [Fact]
    public void A_wall_of_text_is_not_a_place() => Assert.Null(CalgaryAddressParser.Parse(new string('a', 5000)));

    [Fact]
    public void Sql_in_an_address_is_only_words()
    {
        var query = CalgaryAddressParser.Parse("Kensington'; DROP TABLE issues; --");
        Assert.NotNull(query);
        Assert.DoesNotContain(";", query.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_place_written_two_ways_has_one_cache_key() =>
        Assert.Equal(CalgaryAddressParser.Parse("seventeenth avenue south west & fourth street")!.CacheKey, CalgaryAddressParser.Parse("17 Ave & 4 St SW")!.CacheKey);

    private static string Describe(LocationQuery? q) => q is null ? "null" : q.Kind switch
    {
        LocationQueryKind.Address => $"Address {q.HouseNumber} {Street(q.Street)}",
        LocationQueryKind.Street => $"Street {Street(q.Street)}",
        LocationQueryKind.Intersection => $"Intersection {Street(q.Street)} & {Street(q.CrossStreet)}",
        _ => $"Place {q.Place}",
    };

    private static string Street(StreetRef? s) => s is null ? "-" : $"[{s.Name}|{s.Type}|{s.Quadrant}]";
}
