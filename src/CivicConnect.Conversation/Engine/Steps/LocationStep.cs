using System.Globalization;
using CivicConnect.Conversation.Activities;
using CivicConnect.Conversation.Dialogs;
using CivicConnect.Conversation.State;

namespace CivicConnect.Conversation.Engine.Steps;

/// <summary>
/// Where: a place found from a pin, a photo or words is confirmed ("near X, ward N — right?"),
/// several matches are offered as choices, and nothing found yet means asking.
/// </summary>
[IntakeStep("location")]
internal sealed class LocationStep(PlaceLookup places) : IIntakeStep
{
    public bool IsFilled(Turn turn) => turn.Draft.Place is not null;

    public Task<bool> AskAsync(Turn turn, StepDefinition definition, CancellationToken cancellationToken)
    {
        var draft = turn.Draft;
        if (draft.PlaceOptions.Count > 0)
        {
            var choices = draft.PlaceOptions.Select((p, i) => new Choice(i.ToString(CultureInfo.InvariantCulture), $"{p.Label} ({p.WardName})")).ToList();
            turn.Ask(Awaiting.LocationPick, "pick_location", choices);
            return Task.FromResult(true);
        }

        if (draft.PendingPlace is { } pending)
        {
            // Without "confirm" in intake.json, typed words are taken as they were found; points are still confirmed.
            if (!definition.Confirm && pending.Source is LocationSource.Address)
            {
                draft.Place = pending;
                draft.PendingPlace = null;
                return Task.FromResult(false);
            }

            var key = pending.Source is LocationSource.Address ? "confirm_location" : "confirm_pin";
            turn.Ask(Awaiting.LocationConfirm, key, StandardChoices.YesNo(turn), values: [("place", pending.Label), ("ward", pending.WardCode)]);
            return Task.FromResult(true);
        }

        if (draft.Area is { } area)
        {
            turn.Ask(Awaiting.Location, "ask_location_in_area", values: [("area", area.Label)]);
            return Task.FromResult(true);
        }

        turn.Ask(Awaiting.Location, "ask_location");
        return Task.FromResult(true);
    }

    public bool Asks(string awaiting) => awaiting is Awaiting.Location or Awaiting.LocationConfirm or Awaiting.LocationPick;

    public async Task<TurnOutcome?> AnswerAsync(Turn turn, string awaiting, CancellationToken cancellationToken)
    {
        var draft = turn.Draft;
        switch (awaiting)
        {
            case Awaiting.Location:
                draft.LocationText = turn.Text;
                break;
            case Awaiting.LocationConfirm when turn.SaysYes:
                draft.Place = draft.PendingPlace;
                draft.PendingPlace = null;
                return TurnOutcome.Continue;
            case Awaiting.LocationConfirm when turn.SaysNo:
                draft.PendingPlace = null;
                return TurnOutcome.Continue;
            case Awaiting.LocationPick when turn.PickedChoice is { } choice && int.TryParse(choice, CultureInfo.InvariantCulture, out var index) && index < draft.PlaceOptions.Count:
                draft.Place = draft.PlaceOptions[index];
                draft.PlaceOptions.Clear();
                return TurnOutcome.Continue;
        }

        // Place words (or another place typed instead of yes/no or a pick): look them up.
        return await places.LookUpTextAsync(turn, turn.Text, announceMiss: false, cancellationToken) ? TurnOutcome.Continue : null;
    }
}
