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

    private static readonly Lazy<OwnershipAnswerer> DefaultAnswerer = new(() => Answerer(OwnershipTestCatalog.Corpus));

    public static ISentenceEmbedder Embedder => Model.Value;

    /// <summary>The default catalog with the default options.</summary>
    public static OwnershipAnswerer Default => DefaultAnswerer.Value;

    public static OwnershipSemantics Semantics(OwnershipSemanticOptions? options = null, ISentenceEmbedder? embedder = null) =>
        new(embedder ?? Embedder, Options.Create(options ?? new OwnershipSemanticOptions()), NullLogger<OwnershipSemantics>.Instance);

    public static OwnershipAnswerer Answerer(OwnershipCorpus corpus, OwnershipSemanticOptions? options = null, ISentenceEmbedder? embedder = null)
    {
        var semantics = Semantics(options, embedder);
        semantics.Build(corpus, CancellationToken.None);
        return new OwnershipAnswerer(new FixedCorpusSource(corpus), NullLogger<OwnershipAnswerer>.Instance, semantics);
    }
}
