using System.Globalization;
using System.Text;
using CivicConnect.Core.Messages;

namespace CivicConnect.Channels.Twilio.Outbound;

/// <summary>
/// A channel-neutral reply as plain text: the card as its title and lines, choices as a numbered
/// list one per line (the engine accepts the number back as the answer).
/// </summary>
internal static class SmsRenderer
{
    public static string Render(Reply reply)
    {
        var text = new StringBuilder(reply.Text.Trim());
        if (reply.Card is { } card)
        {
            AppendLine(text, card.Title);
            foreach (var line in card.Lines)
            {
                text.Append('\n').Append(line);
            }
        }

        for (var i = 0; i < reply.Choices.Count; i++)
        {
            AppendLine(text, string.Create(CultureInfo.InvariantCulture, $"{i + 1}) {reply.Choices[i].Title}"), separate: i == 0);
        }

        return text.ToString();
    }

    private static void AppendLine(StringBuilder text, string line, bool separate = true)
    {
        if (text.Length > 0)
        {
            text.Append(separate ? "\n\n" : "\n");
        }

        text.Append(line);
    }
}
