using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using CivicConnect.Intelligence.Embeddings;

namespace CivicConnect.Intelligence.Photos;

/// <summary>
/// ResNet18 features from the ONNX files of Microsoft.ML.DnnImageFeaturizer.ResNet18, run with ONNX
/// Runtime directly (the build copies them to <c>DnnImageModels/</c> next to the assemblies). The
/// package's own preprocessing model is used as shipped: it takes RGB planes of 0–255 values at
/// 224×224, reorders them to BGR and subtracts the mean image, exactly what ResNet18 was trained on.
/// The 512 pooled activations are scaled to unit length. The sessions are loaded once per process
/// (<see cref="LoadModel"/>, which the node calls as it starts) and shared by every instance, like
/// MiniLM's: <see cref="InferenceSession.Run(IReadOnlyCollection{NamedOnnxValue})"/> may be called from
/// many threads, and they live as long as the process.
/// </summary>
public sealed class ResNetImageFeaturizer(IOptions<PhotoOptions> options) : IImageFeaturizer
{
    private const int Side = 224;
    private static readonly string ModelDirectory = Path.Combine(AppContext.BaseDirectory, "DnnImageModels");
    private static readonly Lazy<Models> Shared = new(() => ModelLoading.OneAtATime(Models.Load), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly long maxPixels = options.Value.MaxImagePixels;

    public int Dimensions => 512;

    public float[] Featurize(byte[] image, CancellationToken cancellationToken = default)
    {
        var pixels = Decode(image);
        cancellationToken.ThrowIfCancellationRequested();
        var loaded = Shared.Value;

        var planes = new DenseTensor<float>(pixels, loaded.PreprocessShape);
        using var preprocessed = loaded.Preprocess.Run([NamedOnnxValue.CreateFromTensor(loaded.PreprocessInput, planes)]);
        var bgr = preprocessed[0].AsTensor<float>();
        var batch = new DenseTensor<float>(bgr.ToArray(), [1, 3, Side, Side]);
        using var output = loaded.ResNet.Run([NamedOnnxValue.CreateFromTensor(loaded.ResNetInput, batch)]);
        return Vectors.Normalize(output[0].AsTensor<float>().ToArray());
    }

    public void LoadModel() => _ = Shared.Value;

    /// <summary>RGB planes (all R, then G, then B) of 0–255 values, 224×224, aspect ratio ignored as ML.NET's featurizer does.</summary>
    private float[] Decode(byte[] bytes)
    {
        IImageInfo? info;
        try
        {
            info = Image.Identify(bytes);
        }
        catch (Exception ex) when (ex is ImageFormatException or NotSupportedException or ArgumentException)
        {
            throw new UnreadableImageException("The picture could not be read.", ex);
        }

        if (info is null)
        {
            throw new UnreadableImageException("The file is not a picture in a format that can be read here (JPEG, PNG, WebP, GIF, BMP).");
        }

        if ((long)info.Width * info.Height > maxPixels)
        {
            throw new UnreadableImageException($"The picture is {info.Width}×{info.Height} pixels; at most {maxPixels:N0} pixels are read.");
        }

        try
        {
            using var picture = Image.Load<Rgb24>(bytes);
            picture.Mutate(x => x.AutoOrient().Resize(Side, Side));
            var planes = new float[3 * Side * Side];
            picture.ProcessPixelRows(rows =>
            {
                for (var y = 0; y < Side; y++)
                {
                    var row = rows.GetRowSpan(y);
                    for (var x = 0; x < Side; x++)
                    {
                        var at = (y * Side) + x;
                        planes[at] = row[x].R;
                        planes[(Side * Side) + at] = row[x].G;
                        planes[(2 * Side * Side) + at] = row[x].B;
                    }
                }
            });
            return planes;
        }
        catch (Exception ex) when (ex is ImageFormatException or NotSupportedException or ArgumentException)
        {
            throw new UnreadableImageException("The picture could not be read.", ex);
        }
    }

    private sealed record Models(InferenceSession Preprocess, string PreprocessInput, int[] PreprocessShape, InferenceSession ResNet, string ResNetInput)
    {
        public static Models Load()
        {
            var preprocessPath = Path.Combine(ModelDirectory, "ResNetPrepOnnx", "ResNetPreprocess.onnx");
            var resNetPath = Path.Combine(ModelDirectory, "ResNet18Onnx", "ResNet18.onnx");
            if (!File.Exists(preprocessPath) || !File.Exists(resNetPath))
            {
                throw new FileNotFoundException($"The ResNet18 model files are missing from {ModelDirectory}; they come with the build (Microsoft.ML.DnnImageFeaturizer.ResNet18).");
            }

            var preprocess = new InferenceSession(preprocessPath, OnnxSessionOptions.ForSharedCpuSession());
            var resNet = new InferenceSession(resNetPath, OnnxSessionOptions.ForSharedCpuSession());
            var (preprocessInput, preprocessMeta) = preprocess.InputMetadata.First();

            // The preprocessing model's input is [3,224,224] or [1,3,224,224]; free dimensions are one image.
            var shape = preprocessMeta.Dimensions.Select(d => d > 0 ? d : 1).ToArray();
            return new Models(preprocess, preprocessInput, shape, resNet, resNet.InputMetadata.Keys.First());
        }
    }
}
