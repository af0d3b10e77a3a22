using System.Globalization;
using System.Text.RegularExpressions;
using CivicConnect.Conversation.Activities;
using CivicConnect.Conversation.Dialogs;
using CivicConnect.Conversation.State;
using CivicConnect.Core.Text;

namespace CivicConnect.Conversation.Engine.Steps;

/// <summary>The category's own questions (<c>dialogs/followups.json</c>), one at a time; optional ones can be skipped.</summary>
[IntakeStep("followups")]
internal sealed partial class FollowUpsStep : IIntakeStep
{
    private const string Skip = "__skip__";

    public bool IsFilled(Turn turn) => NextQuestion(turn) is null;

    public Task<bool> AskAsync(Turn turn, StepDefinition definition, CancellationToken cancellationToken)
    {
        if (NextQuestion(turn) is not { } next)
        {
            return Task.FromResult(false);
        }

        var locale = turn.Phrases.Locale;
        var choices = next.Values?.Select(v => new Choice(v.Key, v.Name.TryGetValue(locale, out var name) ? name : v.Name.Values.First())).ToList() ?? [];
        if (!next.Required || !definition.Required)
        {
            choices.Add(turn.Phrases.Choice(Skip, "skip"));
        }

        var question = next.Description.TryGetValue(locale, out var text) ? text : next.Description.Values.First();
        turn.Ask(Awaiting.FollowUpPrefix + next.Code, "followup_question", choices, values: ("question", question));
        return Task.FromResult(true);
    }

    public bool Asks(string awaiting) => awaiting.StartsWith(Awaiting.FollowUpPrefix, StringComparison.Ordinal);

    public Task<TurnOutcome?> AnswerAsync(Turn turn, string awaiting, CancellationToken cancellationToken) =>
        Task.FromResult(Answer(turn, awaiting[Awaiting.FollowUpPrefix.Length..]));

    private static FollowUpAttribute? NextQuestion(Turn turn)
    {
        var draft = turn.Draft;
        return turn.Dialogs.FollowUpsFor(draft.CategoryCode)
            .FirstOrDefault(a => !draft.Attributes.ContainsKey(a.Code) && !draft.SkippedAttributes.Contains(a.Code));
    }

    private static TurnOutcome? Answer(Turn turn, string code)
    {
        var draft = turn.Draft;
        var attribute = turn.Dialogs.FollowUpsFor(draft.CategoryCode).FirstOrDefault(a => a.Code == code);
        if (attribute is null)
        {
            return TurnOutcome.Continue;
        }

        var choice = turn.PickedChoice;
        if (choice == Skip || (!attribute.Required && turn.Phrases.IsExactly("skip", turn.Normalized)))
        {
            draft.SkippedAttributes.Add(code);
            return TurnOutcome.Continue;
        }

        var value = choice ?? Parse(turn, attribute);
        if (value is null)
        {
            // Maybe it answered other questions instead.
            var before = draft.Attributes.Count;
            FollowUpAnswers.Extract(turn, turn.Text);
            return draft.Attributes.Count > before ? TurnOutcome.Continue : null;
        }

        draft.Attributes[code] = value;
        FollowUpAnswers.Extract(turn, turn.Text);
        return TurnOutcome.Continue;
    }

    private static string? Parse(Turn turn, FollowUpAttribute attribute)
    {
        var text = turn.Text;
        switch (attribute.Datatype)
        {
            case AttributeDatatype.SingleValueList or AttributeDatatype.MultiValueList:
                var values = attribute.Values ?? [];
                if (values.Any(v => v.Key == "yes") && turn.Says("yes"))
                {
                    return "yes";
                }

                if (values.Any(v => v.Key == "no") && turn.Says("no"))
                {
                    return "no";
                }

                var normalized = TextNormalizer.Normalize(text);
                var matched = values.Where(v => v.Keywords?.Values.SelectMany(k => k).Any(k => TextNormalizer.ContainsPhrase(normalized, k)) == true).Select(v => v.Key).ToList();
                return matched.Count == 0 ? null : attribute.Datatype == AttributeDatatype.SingleValueList ? matched[0] : string.Join(',', matched);
            case AttributeDatatype.Number:
                var number = FirstNumber().Match(text.Replace(',', '.'));
                return number.Success ? number.Value : null;
            case AttributeDatatype.Datetime:
                return DateTimeOffset.TryParse(text, CultureInfo.GetCultureInfo(turn.Phrases.Locale), DateTimeStyles.AssumeLocal, out var moment) ? moment.ToString("O", CultureInfo.InvariantCulture) : null;
            default:
                return text.Length <= 500 ? text : text[..500];
        }
    }

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex FirstNumber();
}
