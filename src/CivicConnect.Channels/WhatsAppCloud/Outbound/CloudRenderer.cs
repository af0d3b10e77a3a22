using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CivicConnect.Core.Messages;
using CivicConnect.Messaging.Outbox;

namespace CivicConnect.Channels.WhatsAppCloud.Outbound;

/// <summary>
/// A channel-neutral reply as Cloud API message objects: reply buttons for up to 3 short choices
/// (titles ≤ 20 characters), a list for up to 10 (row titles ≤ 24, the rest as the row's
/// description), otherwise a numbered list in the text. Each button's id is the choice's value,
/// which comes back in the button_reply.
/// </summary>
internal static class CloudRenderer
{
    public const int MaxTextLength = 4_096;
    private const int MaxButtonBody = 1_024;
    private const int MaxButtonTitle = 20;
    private const int MaxRowTitle = 24;
    private const int MaxRowDescription = 72;

    public static IReadOnlyList<JsonObject> Render(Reply reply, string listButtonLabel)
    {
        var text = Text(reply);
        var choices = reply.Choices;
        if (choices.Count is > 0 and <= 3 && choices.All(c => c.Title.Length <= MaxButtonTitle) && text.Length <= MaxButtonBody)
        {
            var buttons = new JsonArray(choices.Select(c => (JsonNode)new JsonObject
            {
                ["type"] = "reply",
                ["reply"] = new JsonObject { ["id"] = Id(c), ["title"] = c.Title },
            }).ToArray());
            return [Interactive("button", text, new JsonObject { ["buttons"] = buttons })];
        }

        if (choices.Count is > 0 and <= 10 && text.Length <= MaxTextLength)
        {
            var rows = new JsonArray(choices.Select(c => (JsonNode)Row(c)).ToArray());
            var action = new JsonObject
            {
                ["button"] = Cut(listButtonLabel, MaxButtonTitle),
                ["sections"] = new JsonArray(new JsonObject { ["rows"] = rows }),
            };
            return [Interactive("list", text, action)];
        }

        for (var i = 0; i < choices.Count; i++)
        {
            text += (i == 0 ? "\n\n" : "\n") + string.Create(CultureInfo.InvariantCulture, $"{i + 1}) {choices[i].Title}");
        }

        return Twilio.Outbound.SmsSplitter.Split(text, MaxTextLength)
            .Select(part => new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["preview_url"] = false, ["body"] = part } })
            .ToList();
    }

    public static JsonObject Template(MessageTemplate template) => new()
    {
        ["type"] = "template",
        ["template"] = new JsonObject
        {
            ["name"] = template.Id,
            ["language"] = new JsonObject { ["code"] = template.Language },
            ["components"] = new JsonArray(new JsonObject
            {
                ["type"] = "body",
                ["parameters"] = new JsonArray(template.Variables.Select(v => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = v }).ToArray()),
            }),
        },
    };

    /// <summary>The card's title in WhatsApp's bold, its lines below.</summary>
    private static string Text(Reply reply)
    {
        var text = new StringBuilder(reply.Text.Trim());
        if (reply.Card is { } card)
        {
            text.Append(text.Length > 0 ? "\n\n" : string.Empty).Append('*').Append(card.Title).Append('*');
            foreach (var line in card.Lines)
            {
                text.Append('\n').Append(line);
            }
        }

        return text.ToString();
    }

    private static JsonObject Interactive(string type, string body, JsonObject action) => new()
    {
        ["type"] = "interactive",
        ["interactive"] = new JsonObject
        {
            ["type"] = type,
            ["body"] = new JsonObject { ["text"] = body },
            ["action"] = action,
        },
    };

    private static JsonObject Row(Choice choice)
    {
        var row = new JsonObject { ["id"] = Id(choice), ["title"] = Cut(choice.Title, MaxRowTitle) };
        if (choice.Title.Length > MaxRowTitle)
        {
            row["description"] = Cut(choice.Title, MaxRowDescription);
        }

        return row;
    }

    /// <summary>Ids are at most 256 characters; a longer value falls back to the title, which the engine also matches.</summary>
    private static string Id(Choice choice) => choice.Value.Length <= 256 ? choice.Value : Cut(choice.Title, 256);

    private static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text[..(max - 1)];
        return (char.IsHighSurrogate(cut[^1]) ? cut[..^1] : cut) + "…";
    }
}
