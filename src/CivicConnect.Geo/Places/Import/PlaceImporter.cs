using CivicConnect.Geo.Places.Normalize;
using CivicConnect.Geo.Places.Resolve;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace CivicConnect.Geo.Places.Import;

/// <summary>
/// Replaces the street gazetteer with what one import read, in one transaction: a failed import
/// leaves the previous gazetteer in place, and readers see the old one until the commit (rows are
/// deleted, not truncated, so nobody waits on a table lock). Rows go in by binary COPY; each
/// point gets its ward from the ward table. Running it twice gives the same gazetteer.
/// </summary>
public sealed class PlaceImporter(NpgsqlDataSource dataSource, PlaceGazetteer gazetteer)
{
    private static readonly GeometryFactory Points = new(new PrecisionModel(), 4326);

    public async Task<PlaceImportResult> ImportAsync(PlaceSet set, Action<string>? progress, CancellationToken cancellationToken)
    {
        if (set.Corners.Count + set.Addresses.Count + set.Places.Count == 0)
        {
            throw new InvalidDataException("no corners, addresses or named places were read: nothing imported (the previous gazetteer stays).");
        }

        var crossings = LineCrossings.Find(set.Lines).ToList();
        progress?.Invoke($"{crossings.Count:N0} corners where named lines cross");

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var clear = new NpgsqlCommand("DELETE FROM place_corners; DELETE FROM place_addresses; DELETE FROM place_names; DELETE FROM place_street_lines;", connection, transaction))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        await CopyCornersAsync(connection, set.Corners.Concat(crossings), cancellationToken);
        await CopyAddressesAsync(connection, set.Addresses, cancellationToken);
        await CopyNamesAsync(connection, set.Places, cancellationToken);
        await CopyLinesAsync(connection, set.Lines, cancellationToken);
        var inWards = await PlaceWards.AssignAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        gazetteer.Invalidate();

        var result = new PlaceImportResult(set.Corners.Count + crossings.Count, set.Addresses.Count, set.Places.Count, set.Lines.Count, inWards);
        progress?.Invoke($"imported {result.Corners:N0} corners, {result.Addresses:N0} addresses, {result.Names:N0} named places, {result.Lines:N0} street lines; {result.InWards:N0} points inside a ward");
        return result;
    }

    private static async Task CopyCornersAsync(NpgsqlConnection connection, IEnumerable<KnownCorner> corners, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY place_corners (first_name, first_type, first_quadrant, second_name, second_type, second_quadrant, quadrant, source, location) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var corner in corners)
        {
            await writer.StartRowAsync(cancellationToken);
            await WriteStreetAsync(writer, corner.First, cancellationToken);
            await WriteStreetAsync(writer, corner.Second, cancellationToken);
            await WriteTextAsync(writer, corner.Quadrant, cancellationToken);
            await writer.WriteAsync(corner.Source, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync<Geometry>(Point(corner.Latitude, corner.Longitude), NpgsqlDbType.Geometry, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyAddressesAsync(NpgsqlConnection connection, IEnumerable<KnownAddress> addresses, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY place_addresses (number, suffix, street_name, street_type, street_quadrant, community, location) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var address in addresses)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(address.Number, NpgsqlDbType.Integer, cancellationToken);
            await WriteTextAsync(writer, address.Suffix, cancellationToken);
            await WriteStreetAsync(writer, address.Street, cancellationToken);
            await WriteTextAsync(writer, address.Community, cancellationToken);
            await writer.WriteAsync<Geometry>(Point(address.Latitude, address.Longitude), NpgsqlDbType.Geometry, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyNamesAsync(NpgsqlConnection connection, IEnumerable<KnownPlace> places, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY place_names (name, kind, aliases, coarse, location) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var place in places)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(place.Name, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(place.Kind, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(place.Aliases.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(place.Coarse, NpgsqlDbType.Boolean, cancellationToken);
            await writer.WriteAsync<Geometry>(Point(place.Latitude, place.Longitude), NpgsqlDbType.Geometry, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyLinesAsync(NpgsqlConnection connection, IEnumerable<KnownStreetLine> lines, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY place_street_lines (street_name, street_type, street_quadrant, line) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var line in lines)
        {
            await writer.StartRowAsync(cancellationToken);
            await WriteStreetAsync(writer, line.Street, cancellationToken);
            await writer.WriteAsync<Geometry>(line.Line, NpgsqlDbType.Geometry, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteStreetAsync(NpgsqlBinaryImporter writer, StreetName street, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(street.Name, NpgsqlDbType.Varchar, cancellationToken);
        await WriteTextAsync(writer, street.Type, cancellationToken);
        await WriteTextAsync(writer, street.Quadrant, cancellationToken);
    }

    private static Task WriteTextAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, NpgsqlDbType.Varchar, cancellationToken);

    private static Point Point(double latitude, double longitude) => Points.CreatePoint(new Coordinate(longitude, latitude));
}

public sealed record PlaceImportResult(int Corners, int Addresses, int Names, int Lines, int InWards);
