namespace CivicConnect.Intelligence.Definitions;

/// <summary>
/// The definition the live classifier uses now. The default serves the files in <c>prompts/</c>;
/// a versioned store replaces the registration so a published version reaches every node.
/// </summary>
public interface IClassifierDefinitionSource
{
    ValueTask<ClassifierDefinition> GetCurrentAsync(CancellationToken cancellationToken);
}
