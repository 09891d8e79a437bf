using SocBot.Ownership;

namespace SocBot.Tests.Ownership;

/// <summary>A corpus source a test can swap, standing in for a reloaded catalog.</summary>
internal sealed class FixedCorpusSource(OwnershipCorpus corpus) : IOwnershipCorpusSource
{
    public OwnershipCorpus Current { get; set; } = corpus;
}
