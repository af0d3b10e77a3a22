using System.Text.Json;
using CivicConnect.Core.Messages;
using CivicConnect.Messaging.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CivicConnect.Messaging.Inbox;

/// <summary>
/// Commits the activity to the inbox first (a provider retry of the same message id is a
/// no-op), then hands the turn on (<see cref="MessagingOptions.Turns"/>). If the turn fails or
/// the process dies in between, the inbox row is still there and the sweeper finishes it.
/// </summary>
/// <remarks>
/// This is every webhook's whole cost, so it goes straight to the data source: one prepared
/// statement, no EF query pipeline, and the turn runner (a large object graph) is resolved only
/// when the turn runs in the request.
/// </remarks>
public sealed class Inbound(NpgsqlDataSource dataSource, IServiceProvider services, TurnQueue queue, IOptions<MessagingOptions> options, TimeProvider clock) : IInbound
{
    private const string InsertSql =
        """
        INSERT INTO inbox_messages (channel, provider_message_id, address, payload, received_at, attempts)
        VALUES ($1, $2, $3, $4, $5, 0)
        ON CONFLICT (channel, provider_message_id) DO NOTHING
        RETURNING id
        """;

    private const string ExistingSql = "SELECT id FROM inbox_messages WHERE channel = $1 AND provider_message_id = $2";

    public async Task<InboundAcceptance> AcceptAsync(Activity activity, CancellationToken cancellationToken)
    {
        activity = NulCharacters.Remove(activity);
        var payload = JsonSerializer.Serialize(activity, MessageJson.Options);
        var inserted = await InsertAsync(activity, payload, clock.GetUtcNow(), cancellationToken);
        if (inserted is null)
        {
            return new InboundAcceptance(await ExistingAsync(activity.Channel, activity.Id, cancellationToken) ?? throw new InvalidOperationException(
                $"Inbox message {activity.Channel}/{activity.Id} conflicted on insert but could not be read back."), Duplicate: true);
        }

        switch (options.Value.Turns)
        {
            case TurnTiming.Queued:
                queue.TryEnqueue(activity.Channel, activity.Address);
                break;
            case TurnTiming.InRequest:
                // Cancellation of the webhook request must not abandon a committed message halfway.
                await services.GetRequiredService<ITurnRunner>().ProcessPendingAsync(activity.Channel, activity.Address, skipLocked: false, CancellationToken.None);
                break;
            case TurnTiming.SweeperOnly:
                break;
        }

        return new InboundAcceptance(inserted.Value, Duplicate: false);
    }

    public async Task<bool> IsKnownAsync(string channel, string providerMessageId, CancellationToken cancellationToken) =>
        await ExistingAsync(channel, providerMessageId, cancellationToken) is not null;

    private async Task<long?> InsertAsync(Activity activity, string payload, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(InsertSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = activity.Channel });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = activity.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = activity.Address });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = payload, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? id : null;
    }

    private async Task<long?> ExistingAsync(string channel, string providerMessageId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ExistingSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = channel });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = providerMessageId });
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? id : null;
    }
}
