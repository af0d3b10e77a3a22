using CivicConnect.Conversation.Activities;
using CivicConnect.Conversation.Dialogs;
using CivicConnect.Conversation.Engine.Steps;
using CivicConnect.Conversation.Ports;
using CivicConnect.Conversation.State;
using CivicConnect.Core.Hosting;
using CivicConnect.Core.Text;
using Microsoft.Extensions.Options;

namespace CivicConnect.Conversation.Engine;

/// <summary>
/// The intake dialog: one turn in, replies out. Each turn (1) handles interruptions (help,
/// status, language, discard, start over, a person), (2) takes whatever the message gives —
/// photos, a pin — (3) reads the text as the answer to the pending question (or as the start of
/// a report), then (4) walks the steps in the order <c>dialogs/intake.json</c> gives and lets the
/// first one whose slot is still empty ask. Each step is one <see cref="IIntakeStep"/>.
/// </summary>
public sealed class DialogEngine(
    IDialogCatalog dialogs,
    IEnumerable<IIntakeStep> steps,
    Interruptions interruptions,
    AttachmentReader attachments,
    IssueSubmitter submitter,
    UpdatesOffer updates,
    IHandOffHours handOffHours,
    IOptions<CityOptions> city,
    TimeProvider clock)
{
    private readonly TimeZoneInfo timeZone = TimeZoneInfo.FindSystemTimeZoneById(city.Value.TimeZone);
    private readonly Dictionary<string, IIntakeStep> stepsById = steps.ToDictionary(s => IntakeSteps.IdOf(s.GetType()), StringComparer.Ordinal);

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

        if (!ResumeOffer.ExpireIdleDraft(turn) && ResumeOffer.TryOffer(turn))
        {
            state.LastActivityAt = turn.Now;
            return turn.Result();
        }

        state.LastActivityAt = turn.Now;
        if (await interruptions.HandleAsync(turn, cancellationToken) is { } interrupted)
        {
            if (interrupted == TurnOutcome.Continue)
            {
                await AdvanceAsync(turn, cancellationToken);
            }

            return turn.Result();
        }

        var contributed = await attachments.AbsorbAsync(turn, cancellationToken);
        if (await ReadAnswerAsync(turn, contributed, cancellationToken) != TurnOutcome.Done)
        {
            await AdvanceAsync(turn, cancellationToken);
        }

        return turn.Result();
    }

    /// <summary>
    /// A turn while a person holds the conversation: only the interruptions that still work then
    /// ("status …", a language switch; see <see cref="Interruptions.HandleWhileHeldAsync"/>) are
    /// answered. Null when the message is for the person; the draft and the pending question stay
    /// as they were either way.
    /// </summary>
    public async Task<TurnResult?> RunWhileHeldAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (context.Activity.Kind != ActivityKind.Message)
        {
            return null;
        }

        var set = dialogs.Current;
        context.State.Locale ??= InitialLocale(set, context);
        var turn = new Turn(context, set, city.Value.Name, timeZone, clock.GetUtcNow());

        // Photos sent to the agent belong to the report: kept on the draft (silently: the agent answers),
        // so filing from the draft attaches them. The state is saved with the turn whether or not the bot speaks.
        var photos = context.Activity.Attachments
            .Where(a => a.StoredPath is not null && a.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
            .Select(a => new DraftPhoto(a.ContentType, a.StoredPath, a.Url, a.ThumbnailPath, a.SizeBytes))
            .ToList();
        if (photos.Count > 0)
        {
            turn.Draft.Photos.AddRange(photos);
        }

        if (!await interruptions.HandleWhileHeldAsync(turn, cancellationToken))
        {
            return null;
        }

        context.State.LastActivityAt = turn.Now;
        return turn.Result();
    }

    /// <summary>Reads the text as the answer to the pending question, or as the start of a report.</summary>
    private async Task<TurnOutcome> ReadAnswerAsync(Turn turn, bool contributed, CancellationToken cancellationToken)
    {
        var state = turn.State;
        if (turn.Text.Length == 0)
        {
            return TurnOutcome.Continue;
        }

        if (await updates.TryAnswerAsync(turn, cancellationToken) || AfterReport.TryClose(turn))
        {
            return TurnOutcome.Done;
        }

        var awaiting = state.Awaiting;
        if (awaiting is Awaiting.Location && state.Draft?.Description is null)
        {
            // Photo first, then words: the words describe the problem.
            state.Awaiting = null;
            awaiting = null;
        }

        // Nothing pending: the words start (or add to) a report.
        awaiting ??= Awaiting.Description;
        var answer = awaiting switch
        {
            Awaiting.AbandonConfirm => AbandonQuestion.Answer(turn),
            Awaiting.Resume => ResumeOffer.Answer(turn),
            Awaiting.HandOff => HandOffOffer.Answer(turn, handOffHours),
            _ => stepsById.Values.FirstOrDefault(s => s.Asks(awaiting)) is { } step ? await step.AnswerAsync(turn, awaiting, cancellationToken) : null,
        };

        return answer ?? (contributed ? TurnOutcome.Continue : HandOffOffer.CountFailure(turn));
    }

    /// <summary>Lets the first step with nothing in its slot ask, in the order <c>intake.json</c> gives; submits when none has to.</summary>
    private async Task AdvanceAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (turn.State.Draft is null)
        {
            turn.Ask(Awaiting.Description, "ask_description");
            return;
        }

        foreach (var definition in turn.Dialogs.Intake.Steps)
        {
            if (stepsById.TryGetValue(definition.Id, out var step) && !step.IsFilled(turn) && await step.AskAsync(turn, definition, cancellationToken))
            {
                return;
            }
        }

        // A definition without a confirm step submits as soon as everything is there.
        await submitter.SubmitAsync(turn, cancellationToken);
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
            WelcomeMenu.Offer(turn);
        }

        return turn.Result();
    }
}
