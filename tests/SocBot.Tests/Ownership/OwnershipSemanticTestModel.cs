using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocBot.Ownership;

namespace SocBot.Tests.Ownership;

/// <summary>
/// The shipped model, loaded once for the whole test run (it takes a second or two), and answerers that match by meaning
/// with their semantic index already built, as the background service would have left it.
/// </summary>
internal static class OwnershipSemanticTestModel
{
    private static readonly Lazy<ArcticXsSentenceEmbedder> Model = new(() => new ArcticXsSentenceEmbedder(Options.Create(new OwnershipSemanticOptions())));

    private static readonly Lazy<OwnershipCorpus> DefaultCorpus = new(() => OwnershipTestCatalog.Corpus);

    private static readonly Lazy<OwnershipSemantics> DefaultSemantics = new(() =>
    {
        var semantics = Semantics();
        semantics.Build(DefaultCorpus.Value, CancellationToken.None);
        return semantics;
    });

    private static readonly Lazy<OwnershipAnswerer> DefaultAnswerer = new(() =>
        new OwnershipAnswerer(new FixedCorpusSource(DefaultCorpus.Value), NullLogger<OwnershipAnswerer>.Instance, DefaultSemantics.Value));

    public static ISentenceEmbedder Embedder => Model.Value;

    /// <summary>The default catalog with the default options.</summary>
    public static OwnershipAnswerer Default => DefaultAnswerer.Value;

    /// <summary>The default catalog's semantic index, the one <see cref="Default"/> answers from.</summary>
    public static OwnershipSemanticIndex DefaultIndex => DefaultSemantics.Value.IndexFor(DefaultCorpus.Value)!;

    public static OwnershipSemantics Semantics(OwnershipSemanticOptions? options = null, ISentenceEmbedder? embedder = null) =>
        new(embedder ?? Embedder, Options.Create(options ?? new OwnershipSemanticOptions()), NullLogger<OwnershipSemantics>.Instance);

    public static OwnershipAnswerer Answerer(OwnershipCorpus corpus, OwnershipSemanticOptions? options = null, ISentenceEmbedder? embedder = null)
    {
        var semantics = Semantics(options, embedder);
        semantics.Build(corpus, CancellationToken.None);
        return new OwnershipAnswerer(new FixedCorpusSource(corpus), NullLogger<OwnershipAnswerer>.Instance, semantics);
    }
}
