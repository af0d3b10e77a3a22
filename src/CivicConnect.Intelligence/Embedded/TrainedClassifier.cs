namespace CivicConnect.Intelligence.Embedded;

/// <summary>
/// What building a classifier computes (every example's vector, the linear head's weights, the
/// fitted temperatures), kept per model key in PostgreSQL so a node loads it in a second instead
/// of embedding a thousand examples and training for half a minute. Loading gives exactly the
/// same floats, so exactly the same answers.
/// </summary>
public sealed record TrainedClassifier(float[][] Vectors, float[][]? Weights, float[]? Bias, double LinearTemperature, double KnnTemperature)
{
    private const int FormatVersion = 1;

    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            writer.Write(FormatVersion);
            WriteMatrix(writer, Vectors);
            writer.Write(Weights is not null);
            if (Weights is not null)
            {
                WriteMatrix(writer, Weights);
                WriteRow(writer, Bias!);
            }

            writer.Write(LinearTemperature);
            writer.Write(KnnTemperature);
        }

        return buffer.ToArray();
    }

    /// <returns>Null for bytes written in another format (a node of another release): it trains instead.</returns>
    public static TrainedClassifier? FromBytes(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
        if (reader.ReadInt32() != FormatVersion)
        {
            return null;
        }

        var vectors = ReadMatrix(reader);
        float[][]? weights = null;
        float[]? bias = null;
        if (reader.ReadBoolean())
        {
            weights = ReadMatrix(reader);
            bias = ReadRow(reader);
        }

        return new TrainedClassifier(vectors, weights, bias, reader.ReadDouble(), reader.ReadDouble());
    }

    private static void WriteMatrix(BinaryWriter writer, float[][] rows)
    {
        writer.Write(rows.Length);
        foreach (var row in rows)
        {
            WriteRow(writer, row);
        }
    }

    private static void WriteRow(BinaryWriter writer, float[] row)
    {
        writer.Write(row.Length);
        foreach (var value in row)
        {
            writer.Write(value);
        }
    }

    private static float[][] ReadMatrix(BinaryReader reader)
    {
        var rows = new float[reader.ReadInt32()][];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = ReadRow(reader);
        }

        return rows;
    }

    private static float[] ReadRow(BinaryReader reader)
    {
        var row = new float[reader.ReadInt32()];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = reader.ReadSingle();
        }

        return row;
    }
}
