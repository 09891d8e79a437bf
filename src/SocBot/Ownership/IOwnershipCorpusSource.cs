namespace SocBot.Ownership;

/// <summary>The corpus of the catalog in force now; read on every question so a reloaded catalog is used without restart.</summary>
public interface IOwnershipCorpusSource
{
    OwnershipCorpus Current { get; }
}
