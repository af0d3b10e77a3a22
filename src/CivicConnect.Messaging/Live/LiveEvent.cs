namespace CivicConnect.Messaging.Live;

/// <summary>One event on the live feed, as every node receives it.</summary>
public sealed record LiveEvent(string Topic, string Payload);
