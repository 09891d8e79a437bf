namespace SocBot.Ownership;

/// <summary>
/// Matching by meaning (section Ownership:Semantic). Similarities are cosines of all-MiniLM-L6-v2 sentence vectors, in
/// [-1, 1]; the defaults were chosen on the tuning part of the paraphrase set only.
/// </summary>
public sealed class OwnershipSemanticOptions
{
    public const string SectionName = "Ownership:Semantic";

    /// <summary>When false, answers are lexical only and the model is never loaded.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The best team's similarity must reach this for meaning alone to name an owner, or for meaning to dispute the
    /// words. Half the in-scope paraphrases score below 0.52, and out-of-scope questions reach 0.56: this threshold alone
    /// cannot keep those out, <see cref="ElsewhereMargin"/> does. At 0.48 more paraphrases are answered, but on both
    /// held-out parts most of the answers gained between 0.48 and 0.55 named the wrong team.
    /// </summary>
    public double OwnerSimilarity { get; set; } = 0.55;

    /// <summary>
    /// Meaning names an owner only when the best team is at least this much more similar than the closest sentence about
    /// work done outside the SOC (duty-descriptions.yaml, elsewhere): an out-of-scope question is about as close to
    /// some duty as a paraphrase is, but clearly closer to facilities, payroll or sales than a paraphrase ever is.
    /// </summary>
    public double ElsewhereMargin { get; set; } = 0.12;

    /// <summary>
    /// Meaning alone names one owner when the best team is this far ahead of the second; closer than that, both are named
    /// as possible owners.
    /// </summary>
    public double OwnerMargin { get; set; } = 0.02;

    /// <summary>Below this best similarity the question is about nothing in the catalog: no suggestions by meaning either.</summary>
    public double SuggestionSimilarity { get; set; } = 0.35;

    /// <summary>
    /// A lexical owner whose items hold at least this share of the question's information is settled by the words: the
    /// question is not embedded at all. Measured on both question sets, meaning never changed the owner of such an answer,
    /// while embedding every question cost the bot most of its throughput. 1 checks all but the fully covered ones.
    /// </summary>
    public double SettledCoverage { get; set; } = 0.9;

    /// <summary>How many views are embedded in one model run while the index is built.</summary>
    public int BatchSize { get; set; } = 8;

    /// <summary>Threads one model run may use.</summary>
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>ONNX Runtime's CPU memory arena: faster on big batches, and it keeps the memory once used.</summary>
    public bool EnableCpuMemoryArena { get; set; }

    /// <summary>ONNX Runtime's memory pattern planning: helps fixed-size inputs, which sentences are not.</summary>
    public bool EnableMemoryPattern { get; set; }
}
