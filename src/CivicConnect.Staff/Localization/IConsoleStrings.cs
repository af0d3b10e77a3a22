namespace CivicConnect.Staff.Localization;

/// <summary>
/// One area's console wording in English and French (a page area per class, so areas never edit
/// the same file). Registered with <see cref="ConsoleTextRegistration.AddConsoleStrings{T}"/>.
/// </summary>
public interface IConsoleStrings
{
    IEnumerable<ConsoleString> Strings { get; }
}

/// <param name="Key">Dotted, area first: <c>queue.title</c>.</param>
public sealed record ConsoleString(string Key, string En, string Fr);
