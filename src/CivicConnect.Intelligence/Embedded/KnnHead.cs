using CivicConnect.Intelligence.Embeddings;

namespace CivicConnect.Intelligence.Embedded;

/// <summary>
/// The k most similar examples vote, each with weight exp(similarity / T): a close example counts
/// far more than a distant one. T is fitted leave-one-out on the examples themselves.
/// </summary>
internal sealed class KnnHead : ICategoryHead
{
    /// <summary>Keeps a class no neighbour voted for possible, never certain-impossible.</summary>
    private const double Smoothing = 1e-3;

    private readonly TrainingSet set;
    private readonly int k;

    public KnnHead(TrainingSet set, int k)
    {
        this.set = set;
        this.k = k;
        var neighbours = Enumerable.Range(0, set.Count).Select(i => Neighbours(set.Vectors[i], exclude: i)).ToList();
        var best = (Temperature: 0.05, Loss: double.MaxValue);
        foreach (var t in Calibration.Grid(0.005, 0.5, 40))
        {
            var loss = 0.0;
            for (var i = 0; i < set.Count; i++)
            {
                loss -= Math.Log(Vote(neighbours[i], t)[set.Labels[i]]);
            }

            if (loss < best.Loss)
            {
                best = (t, loss);
            }
        }

        Temperature = best.Temperature;
    }

    /// <summary>A head whose temperature was fitted before (loaded from <see cref="TrainedClassifier"/>).</summary>
    public KnnHead(TrainingSet set, int k, double temperature)
    {
        this.set = set;
        this.k = k;
        Temperature = temperature;
    }

    public double Temperature { get; }

    public double[] Probabilities(float[] embedding) => Vote(Neighbours(embedding, exclude: -1), Temperature);

    private double[] Vote(List<(float Similarity, int Label)> neighbours, double temperature)
    {
        var scores = new double[set.Classes];
        var top = neighbours.Count > 0 ? neighbours[0].Similarity : 0;
        foreach (var (similarity, label) in neighbours)
        {
            scores[label] += Math.Exp((similarity - top) / temperature);
        }

        var total = scores.Sum() + (Smoothing * set.Classes);
        return scores.Select(s => (s + Smoothing) / total).ToArray();
    }

    private List<(float Similarity, int Label)> Neighbours(float[] embedding, int exclude)
    {
        var all = new List<(float Similarity, int Label)>(set.Count);
        for (var i = 0; i < set.Count; i++)
        {
            if (i != exclude)
            {
                all.Add((Vectors.Cosine(embedding, set.Vectors[i]), set.Labels[i]));
            }
        }

        all.Sort((a, b) => b.Similarity.CompareTo(a.Similarity));
        return all.Count > k ? all.GetRange(0, k) : all;
    }
}
