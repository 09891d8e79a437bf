using SocBot.Ownership;

namespace SocBot.Tests.Ownership;

/// <summary>
/// A stand-in model that maps chosen sentences to chosen vectors (every other sentence to one "unrelated" axis), so a test
/// can make the words and the meaning disagree on purpose. It can be held shut to show nothing waits for it, or made to fail.
/// </summary>
internal sealed class GivenVectorsEmbedder(IReadOnlyDictionary<string, float[]> vectors, int dimensions) : ISentenceEmbedder
{
    public ManualResetEventSlim Open { get; } = new(initialState: true);

    public Exception? Failure { get; set; }

    public int Calls { get; private set; }

    public float[][] Embed(IReadOnlyList<string> sentences, CancellationToken cancellationToken)
    {
        Calls++;
        Open.Wait(cancellationToken);
        if (Failure is not null)
        {
            throw Failure;
        }

        return [.. sentences.Select(s => vectors.TryGetValue(s, out var v) ? v : Unrelated())];
    }

    public float[] EmbedQuestion(string question, CancellationToken cancellationToken) => Embed([question], cancellationToken)[0];

    private float[] Unrelated()
    {
        var v = new float[dimensions];
        v[^1] = 1;
        return v;
    }
}
