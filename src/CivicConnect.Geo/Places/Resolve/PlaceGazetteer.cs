using CivicConnect.Geo.Places.Import;
using CivicConnect.Geo.Places.Normalize;
using Microsoft.Extensions.Logging;
using NetTopologySuite.Geometries;
using Npgsql;

namespace CivicConnect.Geo.Places.Resolve;

/// <summary>
/// The current street gazetteer of this node: loaded from the place tables on first use (a
/// quarter of a second for the shipped data), replaced after an import on this node at once and
/// after an import on another node when <see cref="RefreshIfChangedAsync"/> sees the tables change.
/// </summary>
public sealed class PlaceGazetteer(NpgsqlDataSource dataSource, ILogger<PlaceGazetteer> logger) : IPlaceGazetteer
{
    private const string FingerprintSql = """
        SELECT concat_ws(':', (SELECT count(*) FROM place_corners), (SELECT max(id) FROM place_corners),
                              (SELECT count(*) FROM place_addresses), (SELECT max(id) FROM place_addresses),
                              (SELECT count(*) FROM place_names), (SELECT max(id) FROM place_names),
                              (SELECT count(*) FROM place_street_lines), (SELECT max(id) FROM place_street_lines))
        """;

    private readonly Lock gate = new();
    private Task<Loaded>? current;

    public async Task<PlaceResolver> ResolverAsync(CancellationToken cancellationToken) =>
        (await LoadedAsync().WaitAsync(cancellationToken)).Resolver;

    public async Task<PlaceIndex> IndexAsync(CancellationToken cancellationToken) =>
        (await LoadedAsync().WaitAsync(cancellationToken)).Index;

    /// <summary>Forgets the loaded gazetteer; the next use loads the tables again.</summary>
    public void Invalidate()
    {
        lock (gate)
        {
            current = null;
        }
    }

    /// <summary>Reloads when another node imported since this one loaded (cheap: one query of counts and ids).</summary>
    public async Task RefreshIfChangedAsync(CancellationToken cancellationToken)
    {
        Task<Loaded>? loaded;
        lock (gate)
        {
            loaded = current;
        }

        if (loaded is not { IsCompletedSuccessfully: true } || loaded.Result.Fingerprint == await FingerprintAsync(cancellationToken))
        {
            return;
        }

        logger.LogInformation("The street gazetteer changed on another node; reloading it");
        Invalidate();
        await LoadedAsync().WaitAsync(cancellationToken);
    }

    private Task<Loaded> LoadedAsync()
    {
        lock (gate)
        {
            // A failed load is not kept: the next use tries again (the tables may be mid-import on first start).
            if (current is null || current.IsFaulted || current.IsCanceled)
            {
                current = Task.Run(LoadAsync);
            }

            return current;
        }
    }

    private async Task<Loaded> LoadAsync()
    {
        var fingerprint = await FingerprintAsync(CancellationToken.None);
        var set = new PlaceSet();
        await using var connection = await dataSource.OpenConnectionAsync();
        await ReadAsync(connection, "SELECT first_name, first_type, first_quadrant, second_name, second_type, second_quadrant, quadrant, source, location FROM place_corners", r =>
        {
            var point = (Point)r.GetValue(8);
            set.Corners.Add(new KnownCorner(Street(r, 0), Street(r, 3), Text(r, 6), point.Y, point.X, r.GetString(7)));
        });
        await ReadAsync(connection, "SELECT number, suffix, street_name, street_type, street_quadrant, community, location FROM place_addresses", r =>
        {
            var point = (Point)r.GetValue(6);
            set.Addresses.Add(new KnownAddress(r.GetInt32(0), Text(r, 1), Street(r, 2), point.Y, point.X, Text(r, 5)));
        });
        await ReadAsync(connection, "SELECT name, kind, aliases, coarse, location FROM place_names", r =>
        {
            var point = (Point)r.GetValue(4);
            set.Places.Add(new KnownPlace(r.GetString(0), r.GetString(1), (string[])r.GetValue(2), point.Y, point.X, r.GetBoolean(3)));
        });
        await ReadAsync(connection, "SELECT street_name, street_type, street_quadrant, line FROM place_street_lines", r =>
            set.Lines.Add(new KnownStreetLine(Street(r, 0), (MultiLineString)r.GetValue(3))));

        var index = PlaceIndex.Build(set);
        logger.LogInformation("Street gazetteer loaded: {Streets} streets, {Corners} corner pairs, {Addresses} addresses, {Names} named places", index.StreetCount, index.CornerCount, set.Addresses.Count, set.Places.Count);
        return new Loaded(index, new PlaceResolver(index), fingerprint);
    }

    private async Task<string> FingerprintAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(FingerprintSql);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ReadAsync(NpgsqlConnection connection, string sql, Action<NpgsqlDataReader> row)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            row(reader);
        }
    }

    private static StreetName Street(NpgsqlDataReader reader, int at) => new(reader.GetString(at), Text(reader, at + 1), Text(reader, at + 2));

    private static string? Text(NpgsqlDataReader reader, int at) => reader.IsDBNull(at) ? null : reader.GetString(at);

    private sealed record Loaded(PlaceIndex Index, PlaceResolver Resolver, string Fingerprint);
}
