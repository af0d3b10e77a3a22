using CivicConnect.Conversation.Ports;
using CivicConnect.Conversation.Testing;
using CivicConnect.Core.Hosting;
using CivicConnect.Core.Issues;
using CivicConnect.Core.Text;
using Microsoft.Extensions.Time.Testing;

namespace CivicConnect.Conversation.Tests.Infrastructure;

/// <summary>
/// The engine over the shipped <c>dialogs/</c> (every word and follow-up question as citizens get
/// them) and a small written-down city: three categories, two places, a classifier that knows
/// their words. Reports are numbered from 1001 and go to "Roads".
/// </summary>
public sealed class EngineFixture : IDisposable
{
    public static readonly PlaceCandidate SeventeenthAndFourth = new("17 Ave SW & 4 St SW", 51.0380, -114.0720, new PlaceWard(8, "8", "Ward 8"));
    public static readonly PlaceCandidate CityHall = new("Calgary City Hall", 51.0453, -114.0581, new PlaceWard(7, "7", "Ward 7"));

    public EngineFixture(IUpdateContacts? updateContacts = null)
    {
        var categories = new InMemoryCategories(
        [
            new CategoryChoice("pothole", Names("Pothole", "Nid-de-poule"), Priority.Normal),
            new CategoryChoice("streetlight", Names("Streetlight", "Lampadaire"), Priority.Normal),
            new CategoryChoice("graffiti", Names("Graffiti", "Graffiti"), Priority.Low),
        ]);
        var classifier = new InMemoryClassifier()
            .Category("pothole", "pothole", "nid de poule")
            .Category("streetlight", "streetlight", "lampadaire")
            .Category("graffiti", "graffiti", "tag")
            .PlaceWords("17 ave sw", "city hall");
        var places = new InMemoryPlaces()
            .Add("17 ave sw", SeventeenthAndFourth)
            .Add("city hall", CityHall);
        Engine = new InMemoryEngine(
            new FixedDialogCatalog(RepositoryPaths.Dialogs, "intake.json"),
            classifier,
            categories,
            places,
            Clock,
            updateContacts: updateContacts);
    }

    /// <summary>Wednesday 2026-12-02, 10:00 in Calgary.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 2, 17, 0, 0, TimeSpan.Zero));

    public InMemoryEngine Engine { get; }

    public void Dispose() => Engine.Dispose();

    private static LocalizedText Names(string en, string fr) => new(new Dictionary<string, string> { ["en"] = en, ["fr"] = fr });
}
