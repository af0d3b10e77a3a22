using CivicConnect.Intelligence.Classification;

namespace CivicConnect.Intelligence.Evaluation;

/// <summary>
/// A classifier that can say what one answer cost (a model behind an API bills tokens) and whether
/// it failed. <see cref="ClassifierEvaluator"/> uses it when the classifier offers it.
/// </summary>
public interface IMeteredClassifier : IClassifier
{
    Task<MeteredClassification> ClassifyMeteredAsync(ClassificationInput input, CancellationToken cancellationToken);
}
