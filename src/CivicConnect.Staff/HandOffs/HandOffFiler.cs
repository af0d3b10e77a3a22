using CivicConnect.Channels.Turns;
using CivicConnect.Conversation.Ports;
using CivicConnect.Conversation.State;
using CivicConnect.Core.Messages;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Data.UnitOfWork;
using CivicConnect.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Staff.HandOffs;

/// <summary>
/// Files the citizen's report from the draft, by the same intake as every channel
/// (<see cref="IIssueIntake"/>: reference, routing, deadline, subscription). The agent supplies the
/// category or the place when the draft lacks them; both are checked like the dialog checks them.
/// The issue, the cleared draft, the closed hand-off and the citizen's confirmation commit together.
/// </summary>
public sealed class HandOffFiler(
    CivicDbContext db,
    HandOffAccess access,
    ConversationLocker locker,
    IIssueIntake intake,
    IPlaceFinder places,
    HandOffWording wording,
    IOutbox outbox,
    OutboxSignal outboxSignal,
    AfterCommit afterCommit,
    TimeProvider clock)
{
    private const int MaxDescriptionLength = 4000;

    public async Task<FiledReport> FileAsync(long id, FileRequest request, HandOffAgent agent, CancellationToken cancellationToken)
    {
        var handOff = await access.LoadAsync(id, agent, cancellationToken);
        HandOffAccess.EnsureHeldBy(handOff, agent);
        var category = await CategoryAsync(request.Category, cancellationToken);

        // Typed places may go to a geocoder: resolved before the transaction opens.
        var place = await PlaceAsync(request, cancellationToken);
        try
        {
            var filed = await FileInTransactionAsync(handOff, request, category, place, agent, cancellationToken);
            await afterCommit.RunAsync(CancellationToken.None);
            outboxSignal.Notify();
            return filed;
        }
        catch
        {
            afterCommit.Discard();
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private async Task<FiledReport> FileInTransactionAsync(HandOff handOff, FileRequest request, string? category, DraftPlace? place, HandOffAgent agent, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var conversation = await locker.LockAsync(handOff.Channel, handOff.Address, skipLocked: false, cancellationToken)
            ?? throw new HandOffRefusedException(HandOffRefusal.NotFound, $"The conversation of hand-off {handOff.Id} no longer exists.");
        var state = ConversationStateSerializer.Read(conversation.State, conversation.StateSchemaVersion);
        var draft = state.Draft;
        var description = request.Description?.Trim() is { Length: > 0 } typed ? typed : draft?.Description;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(description))
        {
            errors["description"] = ["Describe the problem: the draft has no description."];
        }
        else if (description.Length > MaxDescriptionLength)
        {
            errors["description"] = [$"A description is at most {MaxDescriptionLength} characters."];
        }

        category ??= draft?.CategoryCode;
        if (category is null)
        {
            errors["category"] = ["Choose a category: the draft has none."];
        }

        place ??= draft?.Place;
        if (place is null)
        {
            errors["place"] = ["Give the place (an address, a corner or a landmark): the draft has none."];
        }

        if (errors.Count > 0)
        {
            throw new HandOffRefusedException(HandOffRefusal.Invalid, "The report cannot be filed yet: " + string.Join(" ", errors.Values.SelectMany(e => e)), errors);
        }

        var filedRows = await db.HandOffs.Where(h => h.Id == handOff.Id && h.Status == HandOffStatus.Held && h.HeldBy == agent.Name)
            .ExecuteUpdateAsync(
                s => s.SetProperty(h => h.Status, HandOffStatus.Closed).SetProperty(h => h.Outcome, HandOffOutcome.Filed)
                    .SetProperty(h => h.ClosedAt, now).SetProperty(h => h.LastMessageAt, now),
                cancellationToken);
        if (filedRows == 0)
        {
            throw await access.RaceLostAsync(handOff.Id, cancellationToken);
        }

        var wantsUpdates = draft?.WantsUpdates ?? true;
        var submitted = await intake.SubmitAsync(
            new IssueSubmission(
                conversation.Id,
                conversation.Channel,
                handOff.Locale,
                description!,
                category!,
                draft?.Priority,
                place!,
                draft?.Attributes ?? new Dictionary<string, string>(),
                draft?.Photos ?? [],
                wantsUpdates),
            cancellationToken);
        await db.HandOffs.Where(h => h.Id == handOff.Id).ExecuteUpdateAsync(s => s.SetProperty(h => h.ReferenceNumber, submitted.ReferenceNumber), cancellationToken);

        // The report is made: the dialog has nothing pending, and "status" lists it.
        state.References.Add(submitted.ReferenceNumber);
        state.Draft = null;
        state.Awaiting = null;
        state.ReturnTo = null;
        state.OfferedChoices = [];
        state.Attempts = 0;
        conversation.State = ConversationStateSerializer.Write(state);
        conversation.StateSchemaVersion = state.SchemaVersion;

        var told = wording.Say(handOff.Locale, handOff.Channel, wantsUpdates ? "submitted" : "submitted_anonymous", ("reference", submitted.ReferenceNumber), ("department", submitted.DepartmentName));
        db.HandOffLines.Add(new HandOffLine { HandOffId = handOff.Id, Speaker = HandOffSpeaker.Bot, Text = told, At = now });
        outbox.Enqueue(OutboxKinds.Reply, handOff.Channel, handOff.Address, handOff.ConversationId, handOff.Locale, Reply.Plain(told), now);
        await db.SaveChangesAsync(cancellationToken);
        await access.PublishAsync(handOff, inbox: true, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new FiledReport(submitted.IssueId, submitted.ReferenceNumber, submitted.DepartmentName);
    }

    /// <summary>The category the agent chose, if any: it must be one citizens can report under.</summary>
    private async Task<string?> CategoryAsync(string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var trimmed = code.Trim();
        return await db.ServiceCategories.AsNoTracking().AnyAsync(c => c.Code == trimmed && c.Active, cancellationToken)
            ? trimmed
            : throw HandOffRefusedException.Invalid("category", $"'{trimmed}' is not an active category.");
    }

    /// <summary>The place the agent gave, if any: one place inside the city, never a guess among several.</summary>
    private async Task<DraftPlace?> PlaceAsync(FileRequest request, CancellationToken cancellationToken)
    {
        if (request.Latitude is { } latitude && request.Longitude is { } longitude)
        {
            if (latitude is < -90 or > 90 || longitude is < -180 or > 180)
            {
                throw HandOffRefusedException.Invalid("place", "Latitude is between -90 and 90, longitude between -180 and 180.");
            }

            return Inside(await places.DescribePointAsync(latitude, longitude, cancellationToken), "the point given");
        }

        if (string.IsNullOrWhiteSpace(request.Place))
        {
            return null;
        }

        var words = request.Place.Trim();
        var found = await places.FindAsync(words, cancellationToken);
        if (found.Count == 0)
        {
            throw HandOffRefusedException.Invalid("place", $"No place found for \"{words}\".");
        }

        if (found.Count > 1)
        {
            throw HandOffRefusedException.Invalid("place", $"\"{words}\" fits several places ({string.Join("; ", found.Take(5).Select(p => p.Label))}): be more precise.");
        }

        if (found[0].Coarse)
        {
            throw HandOffRefusedException.Invalid("place", $"\"{found[0].Label}\" is a whole community: give an address or a corner in it.");
        }

        return Inside(found[0], $"\"{words}\"");
    }

    private static DraftPlace Inside(PlaceCandidate candidate, string what) =>
        candidate.Ward is { } ward
            ? new DraftPlace(candidate.Label, candidate.Latitude, candidate.Longitude, ward.Id, ward.Code, ward.Name, LocationSource.Address)
            : throw HandOffRefusedException.Invalid("place", $"{what} is outside the city's limits{(candidate.Municipality is { } other ? $" (in {other})" : string.Empty)}.");
}
