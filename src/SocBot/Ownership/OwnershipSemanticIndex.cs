namespace SocBot.Ownership;

/// <summary>
/// Every item of one corpus embedded once, each through several "views": its own words (title, description) and the
/// plain-words sentences duty-descriptions.yaml has for it. An item's similarity to a question is its best view's, since
/// one sentence that says what the question means is enough, and averaging would punish items described at length.
/// </summary>
public sealed class OwnershipSemanticIndex
{
    private readonly float[][] _vectors;
    private readonly int[] _viewItem;

    private OwnershipSemanticIndex(OwnershipCorpus corpus, int itemCount, float[][] vectors, int[] viewItem, IReadOnlyList<string> views)
    {
        Corpus = corpus;
        ItemCount = itemCount;
        _vectors = vectors;
        _viewItem = viewItem;
        Views = views;
    }

    public OwnershipCorpus Corpus { get; }

    public int ItemCount { get; }

    public IReadOnlyList<string> Views { get; }

    public int ViewCount => _vectors.Length;

    /// <summary>Embeds every view in batches of <paramref name="batchSize"/>, so a large catalog never holds one huge tensor.</summary>
    public static OwnershipSemanticIndex Build(
        OwnershipCorpus corpus, DutyDescriptions descriptions, ISentenceEmbedder embedder, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(descriptions);
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var items = OwnershipIndex.ItemsOf(corpus);
        var views = new List<string>();
        var viewItem = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            foreach (var view in ViewsOf(items[i], descriptions))
            {
                views.Add(view);
                viewItem.Add(i);
            }
        }

        var vectors = new List<float[]>(views.Count);
        foreach (var batch in views.Chunk(batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            vectors.AddRange(embedder.Embed(batch, cancellationToken));
        }

        return new OwnershipSemanticIndex(corpus, items.Count, [.. vectors], [.. viewItem], views);
    }

    /// <summary>For each item in index order, the cosine similarity of its closest view to the question, and that view's number.</summary>
    public SemanticScores Score(float[] question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var best = new double[ItemCount];
        var bestView = new int[ItemCount];
        Array.Fill(best, -1);
        for (var v = 0; v < _vectors.Length; v++)
        {
            var similarity = Dot(_vectors[v], question);
            var item = _viewItem[v];
            if (similarity > best[item])
            {
                best[item] = similarity;
                bestView[item] = v;
            }
        }

        return new SemanticScores(best, bestView);
    }

    private static IEnumerable<string> ViewsOf(OwnershipItem item, DutyDescriptions descriptions)
    {
        yield return item.Title;
        if (!string.IsNullOrWhiteSpace(item.Description))
        {
            yield return item.Description;
        }

        foreach (var sentence in descriptions.About(item))
        {
            yield return sentence;
        }
    }

    private static double Dot(float[] a, float[] b)
    {
        var length = Math.Min(a.Length, b.Length);
        double sum = 0;
        for (var i = 0; i < length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
