namespace SocBot.Ownership;

/// <summary>
/// Matching by meaning (section Ownership:Semantic). Similarities are cosines of arctic-embed-xs sentence vectors, in
/// [-1, 1], though this model puts almost any two English sentences above 0.4; the thresholds were chosen on the
/// paraphrase set's first five parts, and the model over all-MiniLM-L6-v2 on its sixth, blind, part.
/// </summary>
public sealed class OwnershipSemanticOptions
{
    public const string SectionName = "Ownership:Semantic";

    /// <summary>When false, answers are lexical only and the model is never loaded.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The best team's similarity must reach this for meaning alone to name an owner, or for meaning to dispute the
    /// words. This threshold alone cannot keep out-of-scope questions out, since a tenth of them reach 0.66 while a
    /// tenth of the in-scope paraphrases stay below 0.63; <see cref="ElsewhereMargin"/> and <see cref="OwnerMargin"/> do.
    /// </summary>
    public double OwnerSimilarity { get; set; } = 0.65;

    /// <summary>
    /// Meaning names an owner only when the best team is at least this much more similar than the closest sentence about
    /// work done outside the SOC (duty-descriptions.yaml, elsewhere): an out-of-scope question is about as close to
    /// some duty as a paraphrase is, but clearly closer to facilities, payroll or sales than a paraphrase ever is.
    /// 0.65, 0.08 and an <see cref="OwnerMargin"/> of 0.02 were chosen together; on the first five parts, a margin of
    /// 0.06 got 8 more owners right, but 2 more out-of-scope questions answered.
    /// </summary>
    public double ElsewhereMargin { get; set; } = 0.08;

    /// <summary>
    /// Meaning alone names an owner only when the best team is this far ahead of the second (by agreement); closer than
    /// that the answer declines and offers both. On the first five parts, naming the leader at any lead got 47 more owners
    /// right but 20 more wrong and 4 more out-of-scope questions answered. Meaning disputes the words' owner only by as
    /// much.
    /// </summary>
    public double OwnerMargin { get; set; } = 0.02;

    /// <summary>
    /// Which duty, and so which team, a question is closest to is decided by the mean similarity of each duty's this many
    /// closest views, not by its single closest one: with asks, a sentence of an unrelated duty is often close by chance,
    /// two of them rarely. Whether meaning may name an owner at all is still decided by the closest view.
    /// </summary>
    public int AgreeingViews { get; set; } = 2;

    /// <summary>
    /// Below this best similarity the question is about nothing in the catalog: no suggestions by meaning either. At 0.55
    /// nearly every question gets them, as it did before with all-MiniLM-L6-v2 at 0.35; at 0.6 four in ten out-of-scope
    /// questions would lose them, and so would a few in scope.
    /// </summary>
    public double SuggestionSimilarity { get; set; } = 0.55;

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
