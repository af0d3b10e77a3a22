namespace CivicConnect.Intelligence.Embeddings;

public static class Vectors
{
    /// <summary>Cosine similarity of two unit-length vectors (what <see cref="ITextEmbedder"/> returns).</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>Scales a vector to unit length in place; a zero vector stays zero.</summary>
    public static float[] Normalize(float[] vector)
    {
        var norm = MathF.Sqrt(Cosine(vector, vector));
        if (norm > 0)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] /= norm;
            }
        }

        return vector;
    }
}
