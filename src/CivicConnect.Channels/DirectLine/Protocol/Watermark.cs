using System.Globalization;

namespace CivicConnect.Channels.DirectLine.Protocol;

/// <summary>
/// The watermark is the transcript row id of the last activity a client has seen. Clients send
/// it back as an opaque string; anything unreadable (empty, "-", another server's) means "from the start".
/// </summary>
public static class Watermark
{
    public static long Parse(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : 0;

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
