using CivicConnect.Conversation.Dialogs;
using CivicConnect.Core.Text;

namespace CivicConnect.Conversation.Engine;

/// <summary>One message can answer several follow-up questions: "huge, right in the traffic lane".</summary>
internal static class FollowUpAnswers
{
    public static void Extract(Turn turn, string text)
    {
        var draft = turn.Draft;
        var normalized = TextNormalizer.Normalize(text);
        foreach (var attribute in turn.Dialogs.FollowUpsFor(draft.CategoryCode))
        {
            if (draft.Attributes.ContainsKey(attribute.Code) || attribute.Values is null || attribute.Datatype is not AttributeDatatype.SingleValueList)
            {
                continue;
            }

            var value = attribute.Values.FirstOrDefault(v => v.Keywords?.Values.SelectMany(k => k).Any(k => TextNormalizer.ContainsPhrase(normalized, k)) == true);
            if (value is not null)
            {
                draft.Attributes[attribute.Code] = value.Key;
            }
        }
    }
}
