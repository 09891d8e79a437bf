using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace SocBot.Ownership;

/// <summary>
/// The semantic index of the catalog in force, once it is built. Answers never wait for it: until the index for the
/// corpus they answer from is ready (or when building it failed, or matching by meaning is off) they are lexical only.
/// Asking for a corpus that has no index yet asks the background build for one. Thread-safe.
/// </summary>
public sealed class OwnershipSemantics(
    ISentenceEmbedder embedder, IOptions<OwnershipSemanticOptions> options, ILogger<OwnershipSemantics> logger)
{
    private readonly Channel<OwnershipCorpus> _requests = Channel.CreateBounded<OwnershipCorpus>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private OwnershipSemanticIndex? _index;
    private OwnershipCorpus? _failed;

    public OwnershipSemanticOptions Options => options.Value;

    public bool Enabled => options.Value.Enabled;

    /// <summary>The corpora whose index was asked for; the background build reads them, latest only.</summary>
    internal ChannelReader<OwnershipCorpus> Requests => _requests.Reader;

    /// <summary>The index built for exactly this corpus, or null (and a build is asked for) when there is none yet.</summary>
    public OwnershipSemanticIndex? IndexFor(OwnershipCorpus corpus)
    {
        if (!Enabled)
        {
            return null;
        }

        var index = Volatile.Read(ref _index);
        if (index is not null && ReferenceEquals(index.Corpus, corpus))
        {
            return index;
        }

        if (!ReferenceEquals(Volatile.Read(ref _failed), corpus))
        {
            Request(corpus);
        }

        return null;
    }

    public void Request(OwnershipCorpus corpus) => _requests.Writer.TryWrite(corpus);

    /// <summary>The question's vector: one model run of a few milliseconds.</summary>
    public float[] Embed(string question) => embedder.EmbedQuestion(question, CancellationToken.None);

    /// <summary>
    /// Builds and publishes the index for a corpus unless it is already built; a failure is logged once per corpus and
    /// leaves answers lexical. Cancellation (shutdown) stops between batches.
    /// </summary>
    public void Build(OwnershipCorpus corpus, CancellationToken cancellationToken)
    {
        if (!Enabled || ReferenceEquals(Volatile.Read(ref _index)?.Corpus, corpus) || ReferenceEquals(Volatile.Read(ref _failed), corpus))
        {
            return;
        }

        var started = Environment.TickCount64;
        try
        {
            var index = OwnershipSemanticIndex.Build(corpus, DutyDescriptions.Default, embedder, options.Value.BatchSize, cancellationToken);
            Volatile.Write(ref _index, index);
            Log.SemanticIndexBuilt(logger, index.ItemCount, index.ViewCount, Environment.TickCount64 - started);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            Volatile.Write(ref _failed, corpus);
            Log.SemanticIndexFailed(logger, e);
        }
    }
}
