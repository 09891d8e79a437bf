using SocBot.Ownership;

namespace SocBot.Benchmarks.Ownership;

internal sealed class FixedCorpusSource(OwnershipCorpus corpus) : IOwnershipCorpusSource
{
    public OwnershipCorpus Current => corpus;
}
