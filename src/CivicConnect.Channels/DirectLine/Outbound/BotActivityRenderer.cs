using System.Globalization;
using System.Text.Json.Nodes;
using CivicConnect.Core.Messages;
using CivicConnect.Messaging.Outbox;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.DirectLine.Outbound;

/// <summary>
/// Renders a channel-neutral reply as the Bot Framework activity Web Chat understands: the text,
/// choices as suggested actions (buttons that send their value back), a card as a hero card.
/// </summary>
public sealed class BotActivityRenderer(BotIdentity bot, IOptions<DirectLineOptions> options)
{
    public const string HeroCardContentType = "application/vnd.microsoft.card.hero";

    public JsonObject Render(string activityId, OutboundMessage message, string? userId, DateTimeOffset timestamp)
    {
        var reply = message.Reply;
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = activityId,
            ["timestamp"] = timestamp.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["channelId"] = ChannelIds.DirectLine,
            ["conversation"] = new JsonObject { ["id"] = message.Address },
            ["from"] = new JsonObject { ["id"] = BotIdentity.Id, ["name"] = bot.Name, ["role"] = "bot" },
            ["locale"] = message.Locale,
            ["textFormat"] = "plain",
            ["text"] = reply.Text,
        };

        if (userId is not null)
        {
            activity["recipient"] = new JsonObject { ["id"] = userId, ["role"] = "user" };
        }

        if (reply.Choices.Count > 0)
        {
            activity["inputHint"] = "expectingInput";
            activity["suggestedActions"] = SuggestedActions(reply.Choices, userId);

            // The page (wwwroot/notify.js) or app must ask the device's permission when the citizen
            // picks this, in that click: it learns which button it is from here.
            if (reply.Choices.FirstOrDefault(c => c.Value == UpdateChoices.Push) is { } push)
            {
                activity["channelData"] = new JsonObject { ["civicPushOffer"] = push.Title };
            }
        }

        if (reply.Card is { } card)
        {
            activity["attachmentLayout"] = "list";
            activity["attachments"] = new JsonArray(HeroCard(card));
        }

        return activity;
    }

    private static JsonObject SuggestedActions(IReadOnlyList<Choice> choices, string? userId)
    {
        var actions = new JsonArray(choices
            // imBack posts its value as the citizen's own message, so it is the title they read
            // ("Yes, in a traffic lane", not "yes"); the engine matches choices by title too.
            .Select(c => (JsonNode)new JsonObject { ["type"] = "imBack", ["title"] = c.Title, ["value"] = c.Title })
            .ToArray());
        var suggested = new JsonObject { ["actions"] = actions };
        if (userId is not null)
        {
            suggested["to"] = new JsonArray(userId);
        }

        return suggested;
    }

    private JsonObject HeroCard(ReplyCard card)
    {
        var content = new JsonObject
        {
            ["title"] = card.Title,
            // Separate paragraphs: Web Chat renders card text as markdown, where a single newline is not a break.
            ["text"] = string.Join("\n\n", card.Lines),
        };
        if (card.ImageUrl is { Length: > 0 } image)
        {
            content["images"] = new JsonArray(new JsonObject { ["url"] = Absolute(image) });
        }

        return new JsonObject { ["contentType"] = HeroCardContentType, ["content"] = content };
    }

    /// <summary>Replies are written without a request at hand, so a relative image link is made absolute only if the public address is configured.</summary>
    private string Absolute(string url) =>
        options.Value.PublicBaseUrl is { } baseUrl && Uri.TryCreate(url, UriKind.Relative, out var relative)
            ? new Uri(baseUrl, relative).ToString()
            : url;
}
