namespace CivicConnect.Intelligence.Definitions;

/// <summary>
/// Where imported labelled examples go (<c>civic train</c>). The default appends to a file in
/// <c>prompts/categories/</c> that the file definition source reads; a versioned store replaces
/// it so an import becomes a draft version to evaluate and publish.
/// </summary>
public interface IExampleSink
{
    /// <summary>Stores the examples and says where they went (for the command's output).</summary>
    ValueTask<string> AddAsync(IReadOnlyList<LabelledExample> examples, CancellationToken cancellationToken);
}
