using System.Globalization;
using CivicConnect.Data.Entities;

namespace CivicConnect.Messaging.Recipients;

/// <summary>
/// The outbox address of a push target is its row id, not the endpoint or token: those are long
/// (beyond the outbox's 200 characters) and the sender needs the row anyway (the browser's keys).
/// A target removed meanwhile (gone at the push service, erased) is then simply not found.
/// </summary>
public static class UpdateTargetAddress
{
    public static string Of(UpdateTarget target) => target.Id.ToString(CultureInfo.InvariantCulture);

    public static long? Parse(string address) =>
        long.TryParse(address, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
