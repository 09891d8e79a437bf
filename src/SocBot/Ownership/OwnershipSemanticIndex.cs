namespace SocBot.Ownership;

/// <summary>
/// Every item of one corpus embedded once, each through several "views": its own words (title, description) and the
/// plain-words sentences and the typical questions (asks) duty-descriptions.yaml has for it. An item's similarity to a
/// question is its best view's, since one sentence that says what the question means is enough to be sure of it, and
/// averaging every view would punish items described at length. The mean of its few closest views is scored too: it
/// tells better which item a question is about, because one sentence of an unrelated item is often close by chance and
/// two rarely are.
/// The sentences about work done elsewhere are embedded too, owned by no item.
/// </summary>
public sealed class OwnershipSemanticIndex
{
    private readonly float[][] _vectors;
    private readonly int[] _viewItem;
    private readonly float[][] _elsewhereVectors;

    private OwnershipSemanticIndex(
        OwnershipCorpus corpus, int itemCount, float[][] vectors, int[] viewItem, IReadOnlyList<string> views, IReadOnlyList<string> elsewhere)
    {
        Corpus = corpus;
        ItemCount = itemCount;
        _vectors = vectors[..views.Count];
        _elsewhereVectors = vectors[views.Count..];
        _viewItem = viewItem;
        Views = views;
        Elsewhere = elsewhere;
    }

    public OwnershipCorpus Corpus { get; }

    public int ItemCount { get; }

    public IReadOnlyList<string> Views { get; }

    public int ViewCount => _vectors.Length;

    /// <summary>The sentences about work done outside the SOC.</summary>
    public IReadOnlyList<string> Elsewhere { get; }

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

        var vectors = new List<float[]>(views.Count + descriptions.Elsewhere.Count);
        foreach (var batch in views.Concat(descriptions.Elsewhere).Chunk(batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            vectors.AddRange(embedder.Embed(batch, cancellationToken));
        }

        return new OwnershipSemanticIndex(corpus, items.Count, [.. vectors], [.. viewItem], views, descriptions.Elsewhere);
    }

    /// <summary>
    /// For each item in index order, the cosine similarity of its closest view to the question, that view's number, and
    /// the mean similarity of its <paramref name="agreeingViews"/> closest views (all of them when it has fewer); and the
    /// closest sentence about work done outside the SOC.
    /// </summary>
    public SemanticScores Score(float[] question, int agreeingViews)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentOutOfRangeException.ThrowIfLessThan(agreeingViews, 1);
        var closest = new double[ItemCount * agreeingViews];
        var bestView = new int[ItemCount];
        Array.Fill(closest, double.NegativeInfinity);
        for (var v = 0; v < _vectors.Length; v++)
        {
            var similarity = Dot(_vectors[v], question);
            var item = _viewItem[v];
            var kept = closest.AsSpan(item * agreeingViews, agreeingViews);
            if (similarity > kept[0])
            {
                bestView[item] = v;
            }

            Keep(kept, similarity);
        }

        var best = new double[ItemCount];
        var agreement = new double[ItemCount];
        for (var i = 0; i < ItemCount; i++)
        {
            // An item with fewer views than agreeingViews leaves its last slots unfilled.
            var kept = closest.AsSpan(i * agreeingViews, agreeingViews);
            var filled = kept.IndexOf(double.NegativeInfinity);
            kept = filled < 0 ? kept : kept[..filled];
            best[i] = kept.Length == 0 ? -1 : kept[0];
            agreement[i] = kept.Length == 0 ? -1 : Mean(kept);
        }

        var elsewhere = -1.0;
        string? elsewhereSentence = null;
        for (var e = 0; e < _elsewhereVectors.Length; e++)
        {
            var similarity = Dot(_elsewhereVectors[e], question);
            if (similarity > elsewhere)
            {
                elsewhere = similarity;
                elsewhereSentence = Elsewhere[e];
            }
        }

        return new SemanticScores(best, bestView, agreement, elsewhere, elsewhereSentence);
    }

    /// <summary>Inserts a similarity into a descending list of the closest ones, dropping the smallest.</summary>
    private static void Keep(Span<double> kept, double similarity)
    {
        var at = kept.Length;
        while (at > 0 && similarity > kept[at - 1])
        {
            at--;
        }

        if (at == kept.Length)
        {
            return;
        }

        kept[at..^1].CopyTo(kept[(at + 1)..]);
        kept[at] = similarity;
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum / values.Length;
    }

    private static IEnumerable<string> ViewsOf(OwnershipItem item, DutyDescriptions descriptions)
    {
        yield return item.Title;
        if (!string.IsNullOrWhiteSpace(item.Description))
        {
            yield return item.Description;
        }

        foreach (var sentence in descriptions.About(item).Concat(descriptions.Asks(item)))
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
