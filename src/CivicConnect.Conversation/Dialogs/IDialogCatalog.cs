namespace CivicConnect.Conversation.Dialogs;

/// <summary>The current dialog definitions. Each turn takes one snapshot, so a reload never changes a turn halfway.</summary>
public interface IDialogCatalog
{
    DialogSet Current { get; }
}
