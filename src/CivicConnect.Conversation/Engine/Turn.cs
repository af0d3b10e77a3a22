using CivicConnect.Conversation.Activities;
using CivicConnect.Conversation.Dialogs;
using CivicConnect.Conversation.State;
using CivicConnect.Core.Text;

namespace CivicConnect.Conversation.Engine;

/// <summary>
/// The working set of one turn: state, words and the replies being built. Sentences said along
/// the way ("Got it: Pothole.") are joined with the next question into one message, so an SMS
/// citizen gets one text per turn rather than several.
/// </summary>
public sealed class Turn
{
    private readonly List<string> pending = [];
    private readonly List<Reply> replies = [];

    internal Turn(TurnContext context, DialogSet dialogs, string cityName, TimeZoneInfo timeZone, DateTimeOffset now)
    {
        Context = context;
        Dialogs = dialogs;
        CityName = cityName;
        TimeZone = timeZone;
        Now = now;
        Phrases = new Phrasebook(dialogs, context.State.Locale ?? "en", context.Activity.Channel, cityName, timeZone);
        Normalized = TextNormalizer.Normalize(context.Activity.Text).Trim();
    }

    public TurnContext Context { get; }

    public DialogSet Dialogs { get; }

    public string CityName { get; }

    public TimeZoneInfo TimeZone { get; }

    public DateTimeOffset Now { get; }

    public Phrasebook Phrases { get; private set; }

    public ConversationState State => Context.State;

    public Activity Activity => Context.Activity;

    public string Text => Activity.Text?.Trim() ?? string.Empty;

    /// <summary>Lower-case, accent-free, punctuation-free text for keyword matching.</summary>
    public string Normalized { get; }

    /// <summary>The value of the offered choice the message picks (its number, button value or title), if any.</summary>
    public string? PickedChoice => ChoiceMatcher.Match(State.OfferedChoices, Text);

    public bool HandOffRequested { get; set; }

    /// <summary>Set when the last answer was not understood: the next question uses its clearer wording.</summary>
    public bool Reprompt { get; set; }

    public IntakeDraft Draft => State.Draft ??= new IntakeDraft { StartedAt = Now };

    public void SwitchLocale(string locale)
    {
        State.Locale = locale;
        Phrases = new Phrasebook(Dialogs, locale, Activity.Channel, CityName, TimeZone);
    }

    public void Say(string key, params (string Name, object? Value)[] values) => pending.Add(Phrases.Say(key, values));

    /// <summary>True when the message is, or starts with, a keyword of <paramref name="keywordSet"/> in any language.</summary>
    public bool Says(string keywordSet) => Phrases.StartsWith(keywordSet, Normalized);

    /// <summary>"Yes" to a yes/no question: the button, its number, or the word in any language.</summary>
    public bool SaysYes => PickedChoice is "yes" || Says("yes");

    /// <summary>"No" to a yes/no question.</summary>
    public bool SaysNo => PickedChoice is "no" || Says("no");

    public void SayRaw(string sentence) => pending.Add(sentence);

    /// <summary>Asks a question and remembers what it waits for; attempts restart when the question changes.</summary>
    public void Ask(string awaiting, string key, IReadOnlyList<Choice>? choices = null, ReplyCard? card = null, params (string Name, object? Value)[] values)
    {
        var clearer = key.StartsWith("ask_", StringComparison.Ordinal) ? "reprompt_" + key[4..] : key;
        var messageKey = Reprompt && Phrases.Has(clearer) ? clearer : key;
        if (Reprompt)
        {
            pending.Insert(0, Phrases.Say("not_understood"));
        }

        if (State.Awaiting != awaiting)
        {
            State.Attempts = 0;
        }

        State.Awaiting = awaiting;
        State.OfferedChoices = choices?.ToList() ?? [];
        pending.Add(Phrases.Say(messageKey, values));
        Emit(choices ?? [], card);
    }

    /// <summary>The report is done with (sent, joined, discarded): nothing pending any more.</summary>
    public void ClearDraft()
    {
        State.Draft = null;
        State.Awaiting = null;
        State.ReturnTo = null;
        State.OfferedChoices = [];
        State.Attempts = 0;
    }

    public TurnResult Result()
    {
        if (pending.Count > 0)
        {
            Emit([], null);
        }

        return new TurnResult(State, replies, Phrases.Locale, HandOffRequested);
    }

    private void Emit(IReadOnlyList<Choice> choices, ReplyCard? card)
    {
        replies.Add(new Reply(string.Join(" ", pending), choices, card));
        pending.Clear();
    }
}
