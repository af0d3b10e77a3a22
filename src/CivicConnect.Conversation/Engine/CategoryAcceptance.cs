using CivicConnect.Conversation.Ports;

namespace CivicConnect.Conversation.Engine;

/// <summary>A category settled (classified with confidence, or picked): said back, its default priority taken, follow-ups answered from the description.</summary>
internal sealed class CategoryAcceptance(ICategoryCatalog catalog)
{
    public async Task AcceptAsync(Turn turn, string code, CancellationToken cancellationToken)
    {
        var draft = turn.Draft;
        draft.CategoryCode = code;
        var category = await catalog.FindAsync(code, cancellationToken);
        turn.Say("category_detected", ("category", category?.Name.For(turn.Phrases.Locale) ?? code));
        if (draft.Priority is null && category is not null)
        {
            draft.Priority = category.DefaultPriority;
        }

        FollowUpAnswers.Extract(turn, draft.Description ?? string.Empty);
    }
}
