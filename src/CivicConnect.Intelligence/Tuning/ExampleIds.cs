using System.Security.Cryptography;
using System.Text;
using CivicConnect.Intelligence.Definitions;

namespace CivicConnect.Intelligence.Tuning;

/// <summary>Examples carry no id of their own: it is derived from what they say, so it is stable across versions.</summary>
public static class ExampleIds
{
    public static string Of(LabelledExample example) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{example.CategoryCode.ToLowerInvariant()}\n{example.Locale}\n{example.Text}")))[..16];
}
