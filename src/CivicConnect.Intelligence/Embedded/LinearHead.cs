using System.Numerics;

namespace CivicConnect.Intelligence.Embedded;

/// <summary>
/// Multinomial logistic regression over the embeddings, trained in-process with full-batch Adam
/// (deterministic: zero start, fixed order). Classes are weighted by inverse frequency so an
/// imported pile of one category does not drown the rest. The softmax temperature is fitted on
/// a held-out fifth of the examples, then the weights are trained again on all of them.
/// </summary>
internal sealed class LinearHead : ICategoryHead
{
    private const int Iterations = 300;
    private const float LearningRate = 0.05f;
    private const float L2 = 1e-4f;

    private readonly float[][] weights;
    private readonly float[] bias;

    public LinearHead(TrainingSet set, CancellationToken cancellationToken = default)
    {
        var (train, held) = set.Split();
        var temperature = 1.0;
        if (held.Count > 0 && train.Count > 0)
        {
            var (w, b) = Train(train, cancellationToken);
            var logits = held.Vectors.Select(v => Logits(w, b, v)).ToList();
            temperature = Calibration.FitTemperature(logits, held.Labels, Calibration.Grid(0.2, 5, 40));
        }

        (weights, bias) = Train(set, cancellationToken);
        Temperature = temperature;
    }

    /// <summary>A head trained before (loaded from <see cref="TrainedClassifier"/>): the same weights give the same answers.</summary>
    public LinearHead(float[][] weights, float[] bias, double temperature)
    {
        this.weights = weights;
        this.bias = bias;
        Temperature = temperature;
    }

    public double Temperature { get; }

    public float[][] Weights => weights;

    public float[] Bias => bias;

    public double[] Probabilities(float[] embedding) => Calibration.Softmax(Logits(weights, bias, embedding), Temperature);

    private static double[] Logits(float[][] w, float[] b, float[] x)
    {
        var logits = new double[b.Length];
        for (var c = 0; c < b.Length; c++)
        {
            logits[c] = b[c] + Dot(w[c], x);
        }

        return logits;
    }

    private static float Dot(float[] a, float[] b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a, i) * new Vector<float>(b, i);
        }

        var result = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            result += a[i] * b[i];
        }

        return result;
    }

    /// <summary>target += scale * x, vectorised.</summary>
    private static void AddScaled(float[] target, float[] x, float scale)
    {
        var s = new Vector<float>(scale);
        var i = 0;
        for (; i <= target.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            (new Vector<float>(target, i) + (s * new Vector<float>(x, i))).CopyTo(target, i);
        }

        for (; i < target.Length; i++)
        {
            target[i] += scale * x[i];
        }
    }

    private static (float[][] Weights, float[] Bias) Train(TrainingSet set, CancellationToken cancellationToken)
    {
        int classes = set.Classes, dims = set.Dimensions, n = set.Count;
        float[][] Matrix() => Enumerable.Range(0, classes).Select(_ => new float[dims]).ToArray();
        float[][] w = Matrix(), mw = Matrix(), vw = Matrix(), gw = Matrix();
        float[] b = new float[classes], mb = new float[classes], vb = new float[classes], gb = new float[classes];
        var counts = new int[classes];
        foreach (var label in set.Labels)
        {
            counts[label]++;
        }

        var present = counts.Count(c => c > 0);
        var sampleWeight = set.Labels.Select(l => n / (float)(present * counts[l])).ToArray();
        const float beta1 = 0.9f, beta2 = 0.999f, epsilon = 1e-8f;
        for (var step = 1; step <= Iterations; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var row in gw)
            {
                Array.Clear(row);
            }

            Array.Clear(gb);
            for (var i = 0; i < n; i++)
            {
                var x = set.Vectors[i];
                var p = Calibration.Softmax(Logits(w, b, x), 1.0);
                p[set.Labels[i]] -= 1;
                for (var c = 0; c < classes; c++)
                {
                    var g = (float)p[c] * sampleWeight[i] / n;
                    gb[c] += g;
                    AddScaled(gw[c], x, g);
                }
            }

            var correction1 = 1 - MathF.Pow(beta1, step);
            var correction2 = 1 - MathF.Pow(beta2, step);
            for (var c = 0; c < classes; c++)
            {
                for (var d = 0; d < dims; d++)
                {
                    var g = gw[c][d] + (L2 * w[c][d]);
                    mw[c][d] = (beta1 * mw[c][d]) + ((1 - beta1) * g);
                    vw[c][d] = (beta2 * vw[c][d]) + ((1 - beta2) * g * g);
                    w[c][d] -= LearningRate * (mw[c][d] / correction1) / (MathF.Sqrt(vw[c][d] / correction2) + epsilon);
                }

                mb[c] = (beta1 * mb[c]) + ((1 - beta1) * gb[c]);
                vb[c] = (beta2 * vb[c]) + ((1 - beta2) * gb[c] * gb[c]);
                b[c] -= LearningRate * (mb[c] / correction1) / (MathF.Sqrt(vb[c] / correction2) + epsilon);
            }
        }

        return (w, b);
    }
}
