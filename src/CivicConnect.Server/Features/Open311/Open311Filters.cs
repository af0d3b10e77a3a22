using System.Globalization;

namespace CivicConnect.Server.Features.Open311;

/// <summary>
/// The spec's <c>GET /requests</c> arguments: <c>service_request_id</c> (comma list, overrides the
/// rest), <c>service_code</c> and <c>status</c> (comma lists), <c>start_date</c>/<c>end_date</c> (W3C;
/// the window defaults to the last 90 days and may not span more).
/// </summary>
internal static class Open311Filters
{
    private const int MinYear = 1900;
    private const int MaxYear = 9000;

    public static Open311RequestFilter Parse(IQueryCollection query, DateTimeOffset now, int windowDays)
    {
        var window = TimeSpan.FromDays(windowDays);
        var references = List(query, "service_request_id")?.Select(id =>
            int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var reference)
                ? reference
                : throw Open311Exception.BadRequest($"service_request_id '{id}' is not a request id")).ToList();
        var statuses = List(query, "status")?.Select(s => s.ToLowerInvariant()).Distinct().ToList();
        if (statuses?.FirstOrDefault(s => s is not (Open311Status.Open or Open311Status.Closed)) is { } unknown)
        {
            throw Open311Exception.BadRequest($"status '{unknown}' is not one of open, closed");
        }

        var start = Date(query, "start_date");
        var end = Date(query, "end_date");
        var (from, to) = (start, end) switch
        {
            ({ } s, { } e) => (s, e),
            ({ } s, null) => (s, s + window),
            (null, { } e) => (e - window, e),
            _ => (now - window, now),
        };
        if (to < from)
        {
            throw Open311Exception.BadRequest("end_date is before start_date");
        }

        if (to - from > window)
        {
            throw Open311Exception.BadRequest($"start_date and end_date may not span more than {windowDays} days");
        }

        // PostgreSQL timestamptz parameters are UTC; clients may send any offset.
        return new Open311RequestFilter(references, List(query, "service_code"), from.ToUniversalTime(), to.ToUniversalTime(), statuses);
    }

    /// <summary>True when <paramref name="value"/> holds a NUL, which PostgreSQL text cannot store or compare.</summary>
    public static bool HasNul(string? value) => value?.Contains('\0', StringComparison.Ordinal) == true;

    /// <summary>A field name fit for an error message: NULs shown as \0, at most 64 characters.</summary>
    public static string Printable(string name)
    {
        var shown = name.Replace("\0", "\\0", StringComparison.Ordinal);
        return shown.Length > 64 ? shown[..64] + "…" : shown;
    }

    private static List<string>? List(IQueryCollection query, string name)
    {
        if (query[name].Any(HasNul))
        {
            throw Open311Exception.BadRequest($"{name} may not contain a NUL character");
        }

        var values = query[name].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        return values.Count == 0 ? null : values;
    }

    private static DateTimeOffset? Date(IQueryCollection query, string name)
    {
        var text = query[name].ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!Open311Time.TryParse(text, out var time))
        {
            throw Open311Exception.BadRequest($"{name} must be a W3C datetime, e.g. 2010-01-01T00:00:00Z");
        }

        // The window is added to or taken from a lone date: near DateTime's ends that would overflow.
        return time.Year is >= MinYear and <= MaxYear
            ? time
            : throw Open311Exception.BadRequest($"{name} must be between the years {MinYear} and {MaxYear}");
    }
}
