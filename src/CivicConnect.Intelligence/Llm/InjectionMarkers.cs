using System.Text.RegularExpressions;
using CivicConnect.Core.Text;

namespace CivicConnect.Intelligence.Llm;

/// <summary>
/// Signs that a report talks to the model instead of describing a problem: "ignore previous
/// instructions", "category=pothole", "priority: urgent", "confidence 1.0", a JSON answer, a
/// fake role line (English and French). Citizens who only say "this is urgent" or "please fix
/// it" do not match; a report that does is still classified, but the model's priority and
/// confidence are not taken from it (<see cref="LlmAnswerRules"/>).
/// </summary>
internal static partial class InjectionMarkers
{
    public static bool Found(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var folded = TextFolding.FoldLower(text);
        return Override().IsMatch(folded) || Field().IsMatch(folded) || Certainty().IsMatch(folded) || Command().IsMatch(folded) || Role().IsMatch(folded);
    }

    // "ignore (all) previous instructions", "disregard your rules", "forget the prompt", "ignorez les consignes".
    // Drivers who "ignore the rules" are not matched: the rules must be the model's (previous, your, system…) or instructions.
    [GeneratedRegex(@"\b(ignore|disregard|forget|override|bypass)\s+(all\s+|any\s+)?(of\s+)?(the\s+)?((previous|prior|above|earlier|preceding|your|system|original)\s+(\w+\s+)?(instructions?|rules|prompts?|directions|guidelines)|instructions?|prompts?)\b|\b(ignorez?|ignores|oubliez?|oublies|ne tenez pas compte des|ne tiens pas compte des)\s+(toutes\s+)?(les|tes|vos|des)?\s*(\w+\s+)?(instructions|consignes|regles|directives)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Override();

    // A field of the answer set by the text: category=…, "priority": …, confiance : …, priorité = ….
    [GeneratedRegex(@"[""']?\b(category|categorie|priority|priorite|confidence|confiance|location_text|summary)\b[""']?\s*[:=]", RegexOptions.CultureInvariant)]
    private static partial Regex Field();

    // "confidence 1.0", "100% confidence", "confiance de 1", "certainty 0.99".
    [GeneratedRegex(@"\b(confidence|certainty|confiance|certitude)\s*(of|de|is|est|at|a)?\s*(1([.,]0+)?|0[.,]9\d*|100\s*%)|\b100\s*%\s*(confiden|certain|sur\b)", RegexOptions.CultureInvariant)]
    private static partial Regex Certainty();

    // "mark this as urgent", "set the priority to", "classify it as category", "answer with JSON", "marquez comme urgent".
    [GeneratedRegex(@"\b(mark|flag|set|tag|classify|categori[sz]e|label|treat|marquez?|marquer|classez?|classer|traitez?)\b[^.\n]{0,25}\b(as|to|comme|en)\b[^.\n]{0,20}\b(urgent|urgente|emergency|urgence|priority|priorite|category|categorie|confidence|confiance)\b|\b(respond|answer|reply|output|repondez?)\b[^.\n]{0,15}\b(with|in|en|avec)\b[^.\n]{0,10}\bjson\b", RegexOptions.CultureInvariant)]
    private static partial Regex Command();

    // A line pretending to be another speaker, or a chat-markup token.
    [GeneratedRegex(@"(^|\n)\s*(system|assistant|developer|systeme|assistant\(e\))\s*:|<\|?(im_start|im_end|system|endoftext)|\byou are now\b|\btu es maintenant\b|\bvous etes maintenant\b|\bnew instructions\b|\bnouvelles instructions\b", RegexOptions.CultureInvariant)]
    private static partial Regex Role();
}
