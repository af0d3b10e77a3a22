namespace CivicConnect.Intelligence.Embedded;

/// <summary>Turns a unit-length text embedding into one calibrated probability per category.</summary>
internal interface ICategoryHead
{
    /// <summary>Softmax temperature fitted on held-out examples (documents the calibration).</summary>
    double Temperature { get; }

    double[] Probabilities(float[] embedding);
}
