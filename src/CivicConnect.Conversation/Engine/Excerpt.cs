namespace CivicConnect.Conversation.Engine;

/// <summary>Long citizen text quoted back in a reply ("Continue your report about …?") is cut to one line.</summary>
internal static class Excerpt
{
    public static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";
}
