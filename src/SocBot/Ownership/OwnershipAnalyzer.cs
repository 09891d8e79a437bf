using System.Collections.Concurrent;

namespace SocBot.Ownership;

/// <summary>
/// Turns catalog text and questions into the same terms: words, spelling corrected against the catalog's own words
/// (questions only), stemmed, synonyms read as their canonical form, stop words dropped. Catalog text and questions
/// go through the same synonym step, so "TI" in a question meets "threat intel" in the matrix.
/// </summary>
internal sealed class OwnershipAnalyzer
{
    private readonly Dictionary<string, SynonymRule[]> _rulesByFirstStem;
    private readonly Dictionary<string, (int Frequency, string Stem)> _vocabulary = new(StringComparer.Ordinal);
    private readonly HashSet<string> _knownStems = new(StringComparer.Ordinal);
    private readonly HashSet<string> _catalogTerms = new(StringComparer.Ordinal);
    private readonly VocabularyWord[] _correctionTargets;
    private readonly ConcurrentDictionary<string, OwnershipCorrection?> _corrections = new(StringComparer.Ordinal);
    private int _correctionsRemembered;

    /// <summary>
    /// Words whose correction is remembered. The same few misspellings come back all day; a flood of distinct ones
    /// (random text) stops being remembered here rather than growing the process.
    /// </summary>
    internal const int RememberedCorrections = 4096;

    public OwnershipAnalyzer(IReadOnlyList<OwnershipSynonym> synonyms, IEnumerable<string> catalogTexts)
    {
        _rulesByFirstStem = BuildRules(synonyms);
        foreach (var rule in _rulesByFirstStem.Values.SelectMany(r => r))
        {
            AddToVocabulary(TextTokens.Split(rule.Variant));
            AddToVocabulary(rule.Canonical.Select(t => t.Word));
        }

        var texts = catalogTexts.ToList();
        foreach (var text in texts)
        {
            AddToVocabulary(TextTokens.Split(text));
        }

        // Stop words are correction targets too, so a misspelt "handels" is read as "handles" and dropped, not kept as
        // an unknown word that makes an answerable question look out of scope.
        foreach (var stopWord in TextTokens.StopWords.Where(w => w.Length >= 4))
        {
            _knownStems.Add(PorterStemmer.Stem(stopWord));
            _vocabulary.TryAdd(stopWord, (1, PorterStemmer.Stem(stopWord)));
        }

        _correctionTargets = [.. _vocabulary.Select(v => new VocabularyWord(v.Key, v.Value.Stem, v.Value.Frequency))];

        // The catalog's own terms after synonyms: while this set is empty, no variant word is kept beside its canonical form.
        var catalogTerms = texts.SelectMany(t => Analyze(t, correctSpelling: false).Terms).ToList();
        _catalogTerms.UnionWith(catalogTerms);
    }

    /// <summary>Distinct words of the catalog and synonym list (with how often they occur), the targets of spelling correction.</summary>
    public int VocabularySize => _vocabulary.Count;

    public AnalyzedText Analyze(string text, bool correctSpelling)
    {
        var words = TextTokens.Split(text);
        var corrections = new List<OwnershipCorrection>();
        var tokens = new List<Token>(words.Count);
        foreach (var word in words)
        {
            var token = new Token(word, PorterStemmer.Stem(word));
            if (correctSpelling && NeedsCorrection(token) && RememberedCorrection(word, token.Stem) is { } correction)
            {
                corrections.Add(correction);
                token = new Token(correction.ReadAs, PorterStemmer.Stem(correction.ReadAs));
            }

            tokens.Add(token);
        }

        var synonymsUsed = new List<OwnershipSynonymUse>();
        var terms = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count;)
        {
            if (MatchRule(tokens, i) is { } rule)
            {
                var written = string.Join(' ', tokens.Skip(i).Take(rule.VariantStems.Length).Select(t => t.Word));
                var readAs = string.Join(' ', rule.Canonical.Select(t => t.Word));
                if (written != readAs)
                {
                    synonymsUsed.Add(new OwnershipSynonymUse(written, readAs));
                }

                terms.AddRange(rule.Canonical.Where(IsTerm).Select(t => t.Stem));

                // Words of the variant that are terms of the catalog stay: "Defender portal" read as "Microsoft 365 Defender"
                // must still be about the portal. Words the synonyms replace everywhere ("DLP") are not, or they would count twice.
                terms.AddRange(tokens.Skip(i).Take(rule.VariantStems.Length)
                    .Where(t => IsTerm(t) && _catalogTerms.Contains(t.Stem) && rule.Canonical.All(c => c.Stem != t.Stem))
                    .Select(t => t.Stem));
                i += rule.VariantStems.Length;
            }
            else
            {
                if (IsTerm(tokens[i]))
                {
                    terms.Add(tokens[i].Stem);
                }

                i++;
            }
        }

        return new AnalyzedText(words, terms, synonymsUsed, corrections);
    }

    private static bool IsTerm(Token token) => !TextTokens.StopWords.Contains(token.Word);

    private bool NeedsCorrection(Token token) =>
        token.Word.Length >= 4
        && !TextTokens.StopWords.Contains(token.Word)
        && !token.Word.Any(char.IsDigit)
        && !_knownStems.Contains(token.Stem);

    /// <summary>The vocabulary never changes after construction, so a word's correction is the same every time it is asked.</summary>
    private OwnershipCorrection? RememberedCorrection(string word, string stem)
    {
        if (_corrections.TryGetValue(word, out var remembered))
        {
            return remembered;
        }

        var correction = FindCorrection(word, stem);
        // Counted apart: the dictionary's own Count takes every lock of the dictionary.
        if (Volatile.Read(ref _correctionsRemembered) < RememberedCorrections && _corrections.TryAdd(word, correction))
        {
            Interlocked.Increment(ref _correctionsRemembered);
        }

        return correction;
    }

    /// <summary>
    /// The catalog word nearest to <paramref name="word"/>: one edit for short words, two from eight letters; short words must
    /// keep their first letter, which typos rarely touch and which keeps "mail" from becoming "email". Words are compared
    /// as written and as stems, so "feeeds" finds "feed".
    /// </summary>
    private OwnershipCorrection? FindCorrection(string word, string stem)
    {
        var limit = word.Length >= 8 ? 2 : 1;
        OwnershipCorrection? best = null;
        (int Distance, int WrittenDistance, int Frequency) bestRank = default;
        foreach (var (candidate, candidateStem, frequency) in _correctionTargets)
        {
            if (word.Length <= 5 && candidate[0] != word[0])
            {
                continue;
            }

            // Beyond the limit in length both as written and as stems, a word cannot be within the limit either way.
            if (Math.Abs(candidate.Length - word.Length) > limit && Math.Abs(candidateStem.Length - stem.Length) > limit)
            {
                continue;
            }

            var writtenDistance = EditDistance.Bounded(word, candidate, limit + 1);
            var distance = Math.Min(writtenDistance, EditDistance.Bounded(stem, candidateStem, limit));
            if (distance > limit)
            {
                continue;
            }

            // Nearest first; then the word nearest as written ("analyses" is "analysis", not "analytics" whose stem is as
            // near); then the commoner word; then the alphabetically first, so the choice never depends on dictionary order.
            var rank = (distance, writtenDistance, frequency);
            var better = best is null
                || rank.distance < bestRank.Distance
                || (rank.distance == bestRank.Distance && rank.writtenDistance < bestRank.WrittenDistance)
                || (rank.distance == bestRank.Distance && rank.writtenDistance == bestRank.WrittenDistance
                    && (rank.frequency > bestRank.Frequency
                        || (rank.frequency == bestRank.Frequency && string.CompareOrdinal(candidate, best.ReadAs) < 0)));
            if (better)
            {
                best = new OwnershipCorrection(word, candidate, distance);
                bestRank = rank;
            }
        }

        // A real English word is read as a catalog word only when the two are one word with another ending ("analyses",
        // "analysis"); "overnight" is not a misspelt "oversight".
        return best is not null && EnglishWords.Contains(word) && !OtherEnding(word, best.ReadAs) ? null : best;
    }

    private SynonymRule? MatchRule(List<Token> tokens, int start)
    {
        if (!_rulesByFirstStem.TryGetValue(tokens[start].Stem, out var rules))
        {
            return null;
        }

        foreach (var rule in rules)
        {
            if (start + rule.VariantStems.Length > tokens.Count)
            {
                continue;
            }

            var matches = true;
            for (var k = 0; k < rule.VariantStems.Length && matches; k++)
            {
                matches = tokens[start + k].Stem == rule.VariantStems[k];
            }

            if (matches)
            {
                return rule;
            }
        }

        return null;
    }

    private static bool OtherEnding(string word, string other) =>
        word.AsSpan().CommonPrefixLength(other) >= Math.Max(word.Length, other.Length) - 2;

    private void AddToVocabulary(IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            if (TextTokens.StopWords.Contains(word))
            {
                continue;
            }

            var stem = PorterStemmer.Stem(word);
            _knownStems.Add(stem);
            if (word.Length >= 3 && !word.Any(char.IsDigit))
            {
                _vocabulary[word] = (_vocabulary.GetValueOrDefault(word).Frequency + 1, stem);
            }
        }
    }

    /// <summary>Rules keyed by the stem of their first word, longest variant first so "defender for endpoint" beats "defender".</summary>
    private static Dictionary<string, SynonymRule[]> BuildRules(IReadOnlyList<OwnershipSynonym> synonyms)
    {
        var rules = new Dictionary<string, SynonymRule>(StringComparer.Ordinal);
        foreach (var synonym in synonyms)
        {
            var canonical = TextTokens.Split(synonym.Canonical).Select(w => new Token(w, PorterStemmer.Stem(w))).ToArray();
            if (canonical.Length == 0)
            {
                continue;
            }

            // The canonical form is a variant of itself: matching it whole keeps a shorter variant inside it from expanding again.
            foreach (var variant in synonym.Variants.Prepend(synonym.Canonical))
            {
                var stems = TextTokens.Split(variant).Select(PorterStemmer.Stem).ToArray();
                var key = string.Join(' ', stems);
                if (stems.Length > 0)
                {
                    // The first list to claim a variant wins: the catalog's synonyms come before the built-in ones.
                    rules.TryAdd(key, new SynonymRule(variant, stems, canonical));
                }
            }
        }

        return rules.Values
            .GroupBy(r => r.VariantStems[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.VariantStems.Length).ToArray(), StringComparer.Ordinal);
    }

    private readonly record struct Token(string Word, string Stem);

    private readonly record struct VocabularyWord(string Word, string Stem, int Frequency);

    private sealed record SynonymRule(string Variant, string[] VariantStems, Token[] Canonical);
}
