namespace SocBot.Ownership;

/// <summary>Splitting text into lower-case words, and the words that never decide who owns something.</summary>
internal static class TextTokens
{
    /// <summary>
    /// English function words plus the wording of ownership questions themselves ("who is in charge of", "which team handles"):
    /// they say what is asked, not what it is about.
    /// </summary>
    public static readonly IReadOnlySet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "about", "after", "all", "am", "an", "and", "any", "anyone", "anybody", "are", "as", "ask", "asked", "asking", "at",
        "be", "been", "being", "by", "can", "care", "charge", "contact", "could", "deal", "deals", "dealing", "did", "do", "does",
        "doing", "done", "fix", "fixed", "fixes", "fixing", "for", "from", "get", "go", "group", "handle", "handled", "handles", "handling", "has", "have", "help",
        "hey", "hi", "how", "i", "if", "in", "into", "is", "it", "its", "job", "know", "let", "look", "looks", "me", "my", "need",
        "of", "on", "or", "our", "own", "owned", "owner", "owners", "ownership", "owns", "people", "person", "please", "point", "question",
        "regarding", "responsible", "run", "running", "runs", "should", "so", "socbot", "somebody", "someone", "take", "takes", "taking", "talk", "team",
        "teams", "tell", "that", "the", "their", "them", "there", "these", "they", "this", "those", "to", "us", "we", "what",
        "whats", "when", "where", "which", "who", "whom", "whos", "whose", "why", "will", "with", "would", "you", "your",
    };

    /// <summary>Lower-case runs of letters and digits; apostrophes are dropped so "who's" reads as "whos".</summary>
    public static List<string> Split(string text)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '’')
            {
                continue;
            }
            else
            {
                Flush(current, words);
            }
        }

        Flush(current, words);
        return words;
    }

    private static void Flush(System.Text.StringBuilder current, List<string> words)
    {
        // Single letters are left-overs of initials and typos, never a topic; digits ("365", tier "1") stay.
        if (current.Length > 1 || (current.Length == 1 && char.IsDigit(current[0])))
        {
            words.Add(current.ToString());
        }

        current.Clear();
    }
}
