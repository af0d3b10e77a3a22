namespace CivicConnect.Intelligence.Embedded;

/// <summary>
/// Temperature scaling: the one number that makes "0.8 confident" mean right about 80 % of the
/// time, chosen by minimising the negative log-likelihood of held-out examples over a fixed grid.
/// </summary>
internal static class Calibration
{
    public static double FitTemperature(IReadOnlyList<double[]> logits, IReadOnlyList<int> labels, IEnumerable<double> grid)
    {
        var best = (Temperature: 1.0, Loss: double.MaxValue);
        foreach (var t in grid)
        {
            var loss = 0.0;
            for (var i = 0; i < logits.Count; i++)
            {
                loss -= Math.Log(Math.Max(Softmax(logits[i], t)[labels[i]], 1e-12));
            }

            if (loss < best.Loss)
            {
                best = (t, loss);
            }
        }

        return best.Temperature;
    }

    public static double[] Softmax(double[] logits, double temperature)
    {
        var max = logits.Max();
        var result = new double[logits.Length];
        var sum = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            result[i] = Math.Exp((logits[i] - max) / temperature);
            sum += result[i];
        }

        for (var i = 0; i < result.Length; i++)
        {
            result[i] /= sum;
        }

        return result;
    }

    public static IEnumerable<double> Grid(double from, double to, int steps) =>
        Enumerable.Range(0, steps).Select(i => from * Math.Pow(to / from, i / (double)(steps - 1)));
}
