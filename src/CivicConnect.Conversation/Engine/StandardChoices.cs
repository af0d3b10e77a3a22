using CivicConnect.Conversation.Activities;

namespace CivicConnect.Conversation.Engine;

/// <summary>Choice sets more than one question offers.</summary>
internal static class StandardChoices
{
    public static List<Choice> YesNo(Turn turn) => [turn.Phrases.Choice("yes", "yes"), turn.Phrases.Choice("no", "no")];

    public static List<Choice> Change(Turn turn) =>
    [
        turn.Phrases.Choice("description", "change_description"),
        turn.Phrases.Choice("category", "change_category"),
        turn.Phrases.Choice("location", "change_location"),
    ];
}
