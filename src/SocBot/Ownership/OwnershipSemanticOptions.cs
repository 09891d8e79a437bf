namespace SocBot.Ownership;

/// <summary>
/// Matching by meaning (section Ownership:Semantic). Similarities are cosines of all-MiniLM-L6-v2 sentence vectors, in
/// [-1, 1]; the defaults were chosen on the paraphrase set's parts written before its blind [held-out-3] part.
/// </summary>
public sealed class OwnershipSemanticOptions
{
    public const string SectionName = "Ownership:Semantic";

    /// <summary>When false, answers are lexical only and the model is never loaded.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The best team's similarity must reach this for meaning alone to name an owner, or for meaning to dispute the
    /// words. This threshold alone cannot keep out-of-scope questions out, since they reach 0.67 while half the in-scope
    /// paraphrases stay below 0.62; <see cref="ElsewhereMargin"/> does that.
    /// </summary>
    public double OwnerSimilarity { get; set; } = 0.55;

    /// <summary>
    /// Meaning names an owner only when the best team is at least this much more similar than the closest sentence about
    /// work done outside the SOC (duty-descriptions.yaml, elsewhere): an out-of-scope question is about as close to
    /// some duty as a paraphrase is, but clearly closer to facilities, payroll or sales than a paraphrase ever is.
    /// 0.55 and 0.26 were chosen together on the first three parts of the paraphrase set once duties had asks, which
    /// lift every similarity. At 0.12 those parts got 14 more owners right, but 8 more wrong and 4 more out-of-scope
    /// questions answered.
    /// </summary>
    public double ElsewhereMargin { get; set; } = 0.26;

    /// <summary>
    /// Meaning alone names one owner when the best team is this far ahead of the second; closer than that, both are named
    /// as possible owners.
    /// </summary>
    public double OwnerMargin { get; set; } = 0.02;

    /// <summary>
    /// Which duty, and so which team, a question is closest to is decided by the mean similarity of each duty's this many
    /// closest views, not by its single closest one: with asks, a sentence of an unrelated duty is often close by chance,
    /// two of them rarely. Whether meaning may name an owner at all is still decided by the closest view.
    /// </summary>
    public int AgreeingViews { get; set; } = 2;

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
