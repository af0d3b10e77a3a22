using System.Text;
using CivicConnect.Core.Text;

namespace CivicConnect.Intelligence.Embedded;

/// <summary>
/// A small French→English lexicon of 311 words, applied before embedding. MiniLM is an English
/// model: "lampadaire éteint" lands nowhere near "streetlight out", while "streetlight out" lands
/// right on it. French text (examples and messages alike, so both sides of every comparison look
/// the same) is folded, its 311 words and phrases replaced by English ones and its function words
/// dropped; English text is left exactly as it was. Measured in prompts/README.md.
/// </summary>
internal static class FrenchVocabulary
{
    /// <summary>Folded French phrase → English. Longer phrases are matched first.</summary>
    private static readonly (string French, string English)[] Phrases =
    [
        ("nid de poule", "pothole"), ("nids de poule", "potholes"), ("nid d poule", "pothole"), ("nid de poul", "pothole"),
        ("feu de circulation", "traffic light"), ("feux de circulation", "traffic lights"),
        ("feu pour pietons", "pedestrian walk signal"), ("feux pour pietons", "pedestrian walk signal"), ("feu de pietons", "pedestrian walk signal"),
        ("feu pieton", "pedestrian walk signal"), ("feux pietons", "pedestrian walk signal"),
        ("bouton pour pietons", "pedestrian crossing button"), ("bouton pieton", "pedestrian crossing button"),
        ("feu de virage", "turn signal"), ("panneau d arret", "stop sign"), ("panneaux d arret", "stop signs"),
        ("panneau de nom de rue", "street name sign"), ("panneau de rue", "street name sign"), ("plaque de rue", "street name sign"),
        ("panneau de signalisation", "traffic sign"), ("lumiere de rue", "streetlight"), ("lumieres de rue", "streetlights"),
        ("eclairage de rue", "street lighting"), ("poteau d eclairage", "light pole"), ("poteau de lampadaire", "light pole"),
        ("borne fontaine", "fire hydrant"), ("bornes fontaines", "fire hydrants"), ("borne d incendie", "fire hydrant"),
        ("bris d aqueduc", "water main break"), ("conduite d eau", "water main"), ("fuite d eau", "water leak"),
        ("pression d eau", "water pressure"), ("compteur d eau", "water meter"), ("robinet d arret", "curb stop"),
        ("bouche d egout", "storm drain"), ("plaque d egout", "manhole cover"), ("couvercle de regard", "manhole cover"),
        ("refoulement d egout", "sewer backup"), ("odeur d egout", "sewer smell"), ("eau de pluie", "rain water"),
        ("bac bleu", "blue recycling cart"), ("bac vert", "green compost cart"), ("bac noir", "black garbage cart"),
        ("bac a ordures", "garbage cart"), ("bac de recyclage", "recycling cart"), ("bac de compost", "compost cart"), ("bac a compost", "compost cart"),
        ("camion a ordures", "garbage truck"), ("camion de vidanges", "garbage truck"), ("depot sauvage", "illegal dumping"),
        ("chasse neige", "snow plow"), ("banc de neige", "windrow snowbank"), ("arret d autobus", "bus stop"),
        ("taxes foncieres", "property tax"), ("taxes municipales", "property tax"), ("compte de taxes", "tax bill"),
        ("contravention de stationnement", "parking ticket"), ("hotel de ville", "city hall"), ("parc a chiens", "dog park"),
        ("mauvaises herbes", "weeds"), ("panne de courant", "power outage"), ("panne d electricite", "power outage"),
        ("en panne", "not working"), ("fonctionne pas", "not working"), ("fonctionnent pas", "not working"), ("marche pas", "not working"),
        ("s allume pas", "not lighting up"), ("s allument pas", "not lighting up"), ("sans laisse", "off leash"), ("sans plaques", "no plates"),
        ("centre recreatif", "recreation centre"), ("salle communautaire", "community hall"), ("marquage de la chaussee", "road markings"),
        ("exces de vitesse", "speeding"), ("dos d ane", "speed bump"), ("pneus crevés", "flat tires"), ("pneus a plat", "flat tires"),
    ];

    /// <summary>Folded French word → English; the words marked as triggers never occur in English reports.</summary>
    private static readonly (string French, string English, bool Trigger)[] Words =
    [
        ("trou", "hole", true), ("trous", "holes", true), ("chaussee", "road", true), ("asphalte", "asphalt", true), ("ornieres", "ruts", true), ("orniere", "rut", true),
        ("rue", "street", true), ("rues", "streets", true), ("ruelle", "back lane alley", true), ("route", "road", false), ("chemin", "road", true),
        ("lampadaire", "streetlight", true), ("lampadaires", "streetlights", true), ("eteint", "out", true), ("eteinte", "out", true), ("eteints", "out", true),
        ("brule", "burnt out", true), ("brulee", "burnt out", true), ("brules", "burnt out", true), ("clignote", "flickering", true), ("clignotent", "flashing", true),
        ("feu", "traffic light", true), ("feux", "traffic lights", true), ("pietons", "pedestrians", true), ("pieton", "pedestrian", true), ("panneau", "sign", true),
        ("arret", "stop", true), ("poubelle", "garbage bin", true), ("poubelles", "garbage bins", true), ("bac", "cart", false), ("bacs", "carts", true),
        ("ordures", "garbage", true), ("vidanges", "garbage", true), ("dechets", "garbage", true), ("recyclage", "recycling", true), ("collecte", "collection", true),
        ("ramasse", "picked up", true), ("ramassee", "picked up", true), ("ramasses", "picked up", true), ("ramasser", "pick up", true), ("vide", "emptied", true), ("videe", "emptied", true),
        ("matelas", "mattress", true), ("divan", "couch", true), ("canape", "couch", true), ("meubles", "furniture", true), ("pneus", "tires", true),
        ("jete", "dumped", true), ("jetes", "dumped", true), ("jetee", "dumped", true), ("jetees", "dumped", true), ("laisse", "left", true), ("laisses", "left", true),
        ("abandonne", "abandoned", true), ("abandonnee", "abandoned", true), ("abandonnes", "abandoned", true), ("seringues", "needles", true), ("frigo", "fridge", true),
        ("refrigerateur", "fridge", true), ("conteneur", "dumpster", true), ("graffitis", "graffiti", true), ("peinture", "paint", true), ("peinture", "paint", true),
        ("mur", "wall", true), ("pont", "bridge", true), ("viaduc", "overpass", true), ("abribus", "bus shelter", true), ("cloture", "fence", true), ("haineux", "hateful", true),
        ("bruit", "noise", true), ("bruyant", "noisy", true), ("bruyants", "noisy", true), ("voisin", "neighbour", true), ("voisins", "neighbours", true), ("musique", "music", true),
        ("chien", "dog", true), ("chiens", "dogs", true), ("jappe", "barking", true), ("aboie", "barking", true), ("fete", "party", true), ("chantier", "construction site", true),
        ("travaux", "works", true), ("egout", "sewer", true), ("egouts", "sewers", true), ("puisard", "catch basin", true), ("inondation", "flooding", true), ("inondee", "flooded", true),
        ("inonde", "flooded", true), ("flaque", "puddle", true), ("fosse", "ditch", true), ("ponceau", "culvert", true), ("pluie", "rain", true), ("regard", "manhole", false),
        ("fuite", "leak", true), ("fuit", "leaking", true), ("eau", "water", true), ("aqueduc", "water main", true), ("robinet", "tap", true), ("parc", "park", true),
        ("arbre", "tree", true), ("arbres", "trees", true), ("branche", "branch", true), ("branches", "branches", false), ("tombe", "fallen", true), ("tombee", "fallen", true),
        ("mort", "dead", true), ("morte", "dead", true), ("morts", "dead", true), ("elaguer", "trim", true), ("balancoire", "swing", true), ("jeux", "playground", true),
        ("banc", "bench", true), ("toilettes", "washroom", true), ("gazon", "grass", true), ("herbe", "grass", true), ("sentier", "path", true), ("tondu", "mowed", true),
        ("trottoir", "sidewalk", true), ("trottoirs", "sidewalks", true), ("fissure", "cracked", true), ("dalle", "slab", true), ("bordure", "curb", true),
        ("souleve", "lifted", true), ("soulevee", "lifted", true), ("racines", "roots", true), ("trebuche", "tripped", true), ("effrite", "crumbling", true),
        ("neige", "snow", true), ("deneige", "plowed", true), ("deneigee", "plowed", true), ("deneigement", "snow removal", true), ("deblaye", "shovelled", true),
        ("pellette", "shovels", true), ("glace", "ice", true), ("glacee", "icy", true), ("glaces", "icy", true), ("glissant", "slippery", true), ("glissante", "slippery", true),
        ("sel", "salt", true), ("sable", "sand", false), ("verglas", "black ice", true), ("patinoire", "skating rink ice", true), ("chevreuil", "deer", true), ("chat", "cat", false),
        ("errant", "stray", true), ("laisse", "leash", true), ("blesse", "injured", true), ("blessee", "injured", true), ("oiseau", "bird", true), ("mouffette", "skunk", true),
        ("auto", "car", false), ("autos", "cars", true), ("voiture", "car", true), ("voitures", "cars", true), ("char", "car", false), ("vehicule", "vehicle", true),
        ("plaques", "plates", false), ("camion", "truck", true), ("camionnette", "van", true), ("roulotte", "trailer", true), ("bateau", "boat", true), ("epave", "wreck", true),
        ("autobus", "bus", true), ("chauffeur", "driver", true), ("impoli", "rude", true), ("employe", "employee", true), ("permis", "permit", true), ("facture", "bill", true),
        ("bibliotheque", "library", true), ("piscine", "pool", true), ("merci", "thank you", true), ("brise", "broken", true), ("brisee", "broken", true), ("brises", "broken", true),
        ("casse", "broken", true), ("cassee", "broken", true), ("endommage", "damaged", true), ("endommagee", "damaged", true), ("manquant", "missing", true),
        ("vole", "stolen", true), ("plie", "bent", true), ("penche", "leaning", true), ("fontaine", "fountain", true), ("stationnement", "parking", true),
        ("contravention", "ticket", true), ("pas", "not", false), ("jamais", "never", true), ("partout", "everywhere", true), ("gros", "big", true), ("grosse", "big", true),
    ];

    /// <summary>French function words that carry no category and only blur an English embedding.</summary>
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "le", "la", "les", "l", "de", "du", "des", "d", "un", "une", "dans", "sur", "au", "aux", "a", "et", "est", "en", "y", "il", "elle", "on", "ma", "mon",
        "mes", "notre", "nos", "ce", "cette", "ca", "qui", "que", "pour", "par", "avec", "chez", "depuis", "tout", "toute", "toutes", "tous", "sont", "ete", "s", "n",
        "ne", "j", "je", "nous", "vous", "se", "son", "sa", "ses", "leur", "c", "qu", "svp", "icitte", "devant", "moi",
    };

    private static readonly Dictionary<string, string> WordMap = Words.GroupBy(w => w.French, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().English, StringComparer.Ordinal);
    private static readonly HashSet<string> Triggers = Words.Where(w => w.Trigger).Select(w => w.French).ToHashSet(StringComparer.Ordinal);
    private static readonly (string French, string English)[] OrderedPhrases = Phrases
        .Select(p => (French: TextNormalizer.Normalize(p.French), English: $" {p.English} "))
        .OrderByDescending(p => p.French.Length)
        .ToArray();

    /// <summary>The text with its French 311 vocabulary in English, or the text unchanged when it has none.</summary>
    public static string ToEnglish(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!OrderedPhrases.Any(p => normalized.Contains(p.French, StringComparison.Ordinal)) && !words.Any(Triggers.Contains))
        {
            return text;
        }

        foreach (var (french, english) in OrderedPhrases)
        {
            normalized = normalized.Replace(french, english, StringComparison.Ordinal);
        }

        var result = new StringBuilder(normalized.Length);
        foreach (var word in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Dropped.Contains(word))
            {
                continue;
            }

            result.Append(result.Length > 0 ? " " : string.Empty).Append(WordMap.GetValueOrDefault(word, word));
        }

        return result.Length > 0 ? result.ToString() : text;
    }
}
