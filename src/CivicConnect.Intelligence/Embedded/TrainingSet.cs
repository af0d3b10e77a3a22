namespace CivicConnect.Intelligence.Embedded;

/// <summary>Embedded examples with their category index; the input both heads are built from.</summary>
internal sealed record TrainingSet(float[][] Vectors, int[] Labels, int Classes, int Dimensions)
{
    public int Count => Labels.Length;

    /// <summary>A deterministic split for calibration: every fifth example of each class is held out.</summary>
    public (TrainingSet Train, TrainingSet Held) Split()
    {
        var seen = new int[Classes];
        var train = new List<int>();
        var held = new List<int>();
        for (var i = 0; i < Count; i++)
        {
            (seen[Labels[i]]++ % 5 == 4 ? held : train).Add(i);
        }

        return (Subset(train), Subset(held));
    }

    private TrainingSet Subset(List<int> indices) =>
        new(indices.Select(i => Vectors[i]).ToArray(), indices.Select(i => Labels[i]).ToArray(), Classes, Dimensions);
}
