using CivicConnect.Conversation.Dialogs;
using CivicConnect.Conversation.Ports;
using CivicConnect.Conversation.State;
using CivicConnect.Core.Hosting;
using CivicConnect.Geo.Duplicates;
using CivicConnect.Intelligence.Photos;
using CivicConnect.Geo.Locating;
using CivicConnect.Intelligence.Categories;
using CivicConnect.Intelligence.Classification;
using Microsoft.Extensions.Options;

namespace CivicConnect.Conversation.Engine;

/// <summary>
/// The intake dialog: one turn in, replies out. Each turn (1) handles interruptions (help,
/// status, language, discard, start over, a person), (2) takes whatever the message gives —
/// photos, a pin, a description, place words — (3) reads an answer to the pending question,
/// then (4) asks for the first thing still missing. The steps, their order and every word come
/// from <c>dialogs/</c>.
/// </summary>
public sealed partial class DialogEngine(
    IDialogCatalog dialogs,
    IClassifier classifier,
    ICategoryDirectory categories,
    ILocator locator,
    IDuplicateFinder duplicates,
    ISamePhotoFinder samePhotos,
    IIssueIntake intake,
    IIssueStatusQuery statusQuery,
    IIssueFeedback feedback,
    IOptions<CityOptions> city,
    TimeProvider clock)
{
    private readonly TimeZoneInfo timeZone = TimeZoneInfo.FindSystemTimeZoneById(city.Value.TimeZone);

    public async Task<TurnResult> RunAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var set = dialogs.Current;
        var state = context.State;
        var localeChosen = state.Locale is not null;
        state.Locale ??= InitialLocale(set, context);
        var turn = new Turn(context, set, city.Value.Name, timeZone, clock.GetUtcNow());
        if (context.Activity.Kind == ActivityKind.ConversationStart)
        {
            var greeting = Greet(turn);

            // The page's language only says how to greet: the citizen's first words still choose the conversation's.
            if (!localeChosen)
            {
                state.Locale = null;
            }

            return greeting;
        }

        // A flood is told once to slow down; the draft and the pending question stay as they were.
        if (context.Activity.Kind == ActivityKind.RateLimited)
        {
            turn.Say("rate_limited");
            return turn.Result();
        }

        if (!ExpireIdleDraft(turn) && OfferResume(turn))
        {
            state.LastActivityAt = turn.Now;
            return turn.Result();
        }

        state.LastActivityAt = turn.Now;
        if (await HandleInterruptionAsync(turn, cancellationToken) is { } interrupted)
        {
            if (interrupted == Outcome.Continue)
            {
                await AdvanceAsync(turn, cancellationToken);
            }

            return turn.Result();
        }

        var contributed = await AbsorbAttachmentsAsync(turn, cancellationToken);
        var outcome = await HandleTextAsync(turn, contributed, cancellationToken);
        if (outcome != Outcome.Done)
        {
            await AdvanceAsync(turn, cancellationToken);
        }

        return turn.Result();
    }

    private string InitialLocale(DialogSet set, TurnContext context)
    {
        var requested = context.Activity.Locale?.Split('-', '_')[0];
        if (requested is not null && set.Locales.ContainsKey(requested))
        {
            return requested;
        }

        return Phrasebook.DetectLocale(set, TextNormalizer.Normalize(context.Activity.Text)) ?? city.Value.DefaultLocale;
    }

    /// <summary>
    /// The chat was opened. Only a conversation that never had a turn is welcomed: a page reload
    /// re-joins the same conversation, and its transcript already shows where the citizen was.
    /// </summary>
    private static TurnResult Greet(Turn turn)
    {
        if (turn.State.LastActivityAt is null)
        {
            turn.State.LastActivityAt = turn.Now;
            turn.Ask(Awaiting.Description, "welcome");
        }

        return turn.Result();
    }

    /// <summary>A draft idle longer than the limit is dropped, and the citizen told so.</summary>
    private static bool ExpireIdleDraft(Turn turn)
    {
        var state = turn.State;
        if (state.Draft is null || state.LastActivityAt is not { } last || turn.Now - last < TimeSpan.FromHours(turn.Dialogs.Intake.IdleExpiryHours))
        {
            return false;
        }

        turn.Say("expired", ("date", turn.Phrases.Date(state.Draft.StartedAt)), ("hours", turn.Dialogs.Intake.IdleExpiryHours));
        state.Draft = null;
        state.Awaiting = null;
        state.ReturnTo = null;
        return true;
    }

    /// <summary>A citizen coming back to a draft after a while is asked whether to continue it.</summary>
    private static bool OfferResume(Turn turn)
    {
        var state = turn.State;
        if (state.Draft is null || state.Awaiting is null or Awaiting.Resume || state.LastActivityAt is not { } last
            || turn.Now - last < TimeSpan.FromHours(turn.Dialogs.Intake.ResumeAfterHours))
        {
            return false;
        }

        state.ReturnTo = state.Awaiting;
        turn.Ask(
            Awaiting.Resume,
            "resume_offer",
            [turn.Phrases.Choice("continue", "resume_continue"), turn.Phrases.Choice("restart", "resume_restart")],
            values: ("description", Shorten(state.Draft.Description ?? "📷")));
        return true;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";

    private enum Outcome
    {
        /// <summary>Move on: ask for whatever is missing next.</summary>
        Continue,

        /// <summary>The turn said all it needs to (submitted, discarded, asked its own question).</summary>
        Done,
    }
}
