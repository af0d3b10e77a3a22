using CivicConnect.Conversation.Activities;
using CivicConnect.Conversation.State;

namespace CivicConnect.Conversation.Engine;

/// <summary>
/// The greeting and its three suggested actions — report a problem, my reports, the other
/// language — so a citizen who opens the chat need not guess what to type. Offered when the
/// chat opens and when the citizen says "hi"; each channel renders the choices its own way
/// (buttons in web chat, a numbered list on SMS), and a pick by number, button or title is read here.
/// </summary>
internal static class WelcomeMenu
{
    private const string Report = "welcome:report";
    private const string MyReports = "welcome:my-reports";
    private const string LanguagePrefix = "welcome:language:";

    public static void Offer(Turn turn) => turn.Ask(Awaiting.Description, "welcome", Choices(turn));

    /// <summary>What the citizen picked from the menu, if the menu is what was last offered and they picked from it.</summary>
    public static WelcomePick? Picked(Turn turn)
    {
        if (turn.State.Draft is not null || turn.State.Awaiting is not Awaiting.Description)
        {
            return null;
        }

        return turn.PickedChoice switch
        {
            Report => new WelcomePick(WelcomeAction.Report, null),
            MyReports => new WelcomePick(WelcomeAction.MyReports, null),
            { } value when value.StartsWith(LanguagePrefix, StringComparison.Ordinal) => new WelcomePick(WelcomeAction.Language, value[LanguagePrefix.Length..]),
            _ => null,
        };
    }

    /// <summary>The language offered is the first other one the dialogs define, named in its own words ("Français", "English").</summary>
    private static List<Choice> Choices(Turn turn)
    {
        var choices = new List<Choice> { turn.Phrases.Choice(Report, "choice_report"), turn.Phrases.Choice(MyReports, "choice_my_reports") };
        if (turn.Dialogs.Locales.Values.FirstOrDefault(l => l.Locale != turn.Phrases.Locale) is { } other)
        {
            choices.Add(new Choice(LanguagePrefix + other.Locale, other.LanguageName));
        }

        return choices;
    }
}

internal enum WelcomeAction
{
    Report,
    MyReports,
    Language,
}

internal sealed record WelcomePick(WelcomeAction Action, string? Locale);
