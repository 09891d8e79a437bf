namespace SocBot.Ownership;

/// <summary>The names of the rules that decide an answer, as <c>ask --explain</c> and <c>ask --json</c> report them.</summary>
public static class OwnershipRules
{
    /// <summary>Words only: matching by meaning is off or its index is not built yet.</summary>
    public const string Lexical = "lexical";

    public const string TeamQuestion = "team question";

    /// <summary>The words name the owner and cover the question so fully that it is not embedded.</summary>
    public const string LexicalSettled = "lexical, the words settle it";

    /// <summary>The words name the owner and the closest team by meaning is the same.</summary>
    public const string LexicalAgreed = "lexical, meaning agrees";

    /// <summary>The words name the owner; meaning points elsewhere, but not clearly enough to doubt them.</summary>
    public const string LexicalMeaningUnsure = "lexical, meaning unsure";

    /// <summary>The words name one team and meaning clearly another: both are named as possible owners.</summary>
    public const string Disagreed = "lexical and meaning disagree";

    /// <summary>The words name no owner; meaning names one, clearly ahead of the next team.</summary>
    public const string Meaning = "meaning";

    public const string Refused = "refused";
}
