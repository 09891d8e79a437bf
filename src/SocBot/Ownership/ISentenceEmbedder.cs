namespace SocBot.Ownership;

/// <summary>
/// Turns sentences into unit-length vectors whose dot product says how close two sentences are in meaning. The answerer
/// knows only this, not the model package behind it.
/// </summary>
public interface ISentenceEmbedder
{
    /// <summary>One unit vector per sentence, in order. May be slow (a model run): never call it on a request's hot path for many sentences.</summary>
    float[][] Embed(IReadOnlyList<string> sentences, CancellationToken cancellationToken);

    /// <summary>
    /// The unit vector of a question, to compare with the vectors <see cref="Embed"/> gave the sentences it is looked up
    /// among. A retrieval model may be trained to read a question differently from the text that answers it.
    /// </summary>
    float[] EmbedQuestion(string question, CancellationToken cancellationToken);
}
