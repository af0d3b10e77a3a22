using CivicConnect.Conversation.Dialogs;

namespace CivicConnect.Conversation.Testing;

/// <summary>
/// A dialog catalog loaded once and never reloaded: an intake definition (any path) with the
/// locale and follow-up files of a dialogs folder. No file watcher, so nothing runs in the background.
/// </summary>
public sealed class FixedDialogCatalog(string dialogsDirectory, string intakeFile) : IDialogCatalog
{
    public DialogSet Current { get; } = DialogLoader.Load(dialogsDirectory, intakeFile);
}
