namespace CivicConnect.Intelligence.Embedded;

/// <summary>
/// The mean of the linear and kNN heads' probabilities. They fail differently: kNN follows the
/// nearest wording (a short title close to an example), the linear head the broad direction of a
/// category (French put into English, a story around the problem); averaging keeps the answers
/// both agree on confident and pulls the confidence down where they disagree, which is where
/// the dialog should ask. Measured in prompts/README.md.
/// </summary>
internal sealed class BlendedHead(LinearHead linear, KnnHead knn) : ICategoryHead
{
    public LinearHead Linear => linear;

    public KnnHead Knn => knn;

    /// <summary>The linear head's temperature (what the warm-up log reports); kNN keeps its own.</summary>
    public double Temperature => linear.Temperature;

    public double[] Probabilities(float[] embedding)
    {
        var a = linear.Probabilities(embedding);
        var b = knn.Probabilities(embedding);
        var result = new double[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            result[i] = (a[i] + b[i]) / 2;
        }

        return result;
    }
}
