namespace SocBot.Ownership;

/// <summary>
/// The Porter (1980) suffix-stripping algorithm for English, so "handles", "handling" and "handled" meet in one term.
/// Input is a lower-case word of ASCII letters; anything else is returned unchanged.
/// </summary>
internal static class PorterStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 2 || !word.All(char.IsAsciiLetterLower))
        {
            return word;
        }

        var w = new Word(word);
        Step1A(w);
        Step1B(w);
        Step1C(w);
        Step2(w);
        Step3(w);
        Step4(w);
        Step5(w);
        return w.ToString();
    }

    private static void Step1A(Word w)
    {
        if (w.EndsWith("sses") || w.EndsWith("ies"))
        {
            w.Chop(2);
        }
        else if (w.EndsWith("s") && !w.EndsWith("ss"))
        {
            w.Chop(1);
        }
    }

    private static void Step1B(Word w)
    {
        if (w.EndsWith("eed"))
        {
            if (w.Measure(w.Length - 3) > 0)
            {
                w.Chop(1);
            }

            return;
        }

        var stripped = false;
        if (w.EndsWith("ed") && w.HasVowel(w.Length - 2))
        {
            w.Chop(2);
            stripped = true;
        }
        else if (w.EndsWith("ing") && w.HasVowel(w.Length - 3))
        {
            w.Chop(3);
            stripped = true;
        }

        if (!stripped)
        {
            return;
        }

        if (w.EndsWith("at") || w.EndsWith("bl") || w.EndsWith("iz"))
        {
            w.Append("e");
        }
        else if (w.EndsWithDoubleConsonant() && !(w.EndsWith("l") || w.EndsWith("s") || w.EndsWith("z")))
        {
            w.Chop(1);
        }
        else if (w.Measure(w.Length) == 1 && w.EndsWithCvc(w.Length))
        {
            w.Append("e");
        }
    }

    private static void Step1C(Word w)
    {
        if (w.EndsWith("y") && w.HasVowel(w.Length - 1))
        {
            w.ReplaceEnd(1, "i");
        }
    }

    private static readonly (string Suffix, string Replacement)[] Step2Rules = LongestFirst(
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("abli", "able"),
        ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
        ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
        ("iviti", "ive"), ("biliti", "ble"),
    ]);

    private static readonly (string Suffix, string Replacement)[] Step3Rules = LongestFirst(
    [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ]);

    private static readonly string[] Step4Suffixes =
    [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti",
        "ous", "ive", "ize",
    ];

    private static (string Suffix, string Replacement)[] LongestFirst((string Suffix, string Replacement)[] rules) =>
        rules.OrderByDescending(r => r.Suffix.Length).ToArray();

    private static void Step2(Word w) => ApplyRules(w, Step2Rules);

    private static void Step3(Word w) => ApplyRules(w, Step3Rules);

    private static void ApplyRules(Word w, (string Suffix, string Replacement)[] rules)
    {
        foreach (var (suffix, replacement) in rules)
        {
            if (w.EndsWith(suffix))
            {
                if (w.Measure(w.Length - suffix.Length) > 0)
                {
                    w.ReplaceEnd(suffix.Length, replacement);
                }

                return;
            }
        }
    }

    private static void Step4(Word w)
    {
        foreach (var suffix in Step4Suffixes)
        {
            if (!w.EndsWith(suffix))
            {
                continue;
            }

            var stemLength = w.Length - suffix.Length;
            var allowed = suffix != "ion" || (stemLength > 0 && w[stemLength - 1] is 's' or 't');
            if (allowed && w.Measure(stemLength) > 1)
            {
                w.Chop(suffix.Length);
            }

            return;
        }
    }

    private static void Step5(Word w)
    {
        if (w.EndsWith("e"))
        {
            var m = w.Measure(w.Length - 1);
            if (m > 1 || (m == 1 && !w.EndsWithCvc(w.Length - 1)))
            {
                w.Chop(1);
            }
        }

        if (w.EndsWith("ll") && w.Measure(w.Length) > 1)
        {
            w.Chop(1);
        }
    }

    /// <summary>A mutable word with the consonant/vowel helpers the algorithm's conditions are phrased in.</summary>
    private sealed class Word(string initial)
    {
        private readonly System.Text.StringBuilder _chars = new(initial);

        public int Length => _chars.Length;

        public char this[int index] => _chars[index];

        public bool EndsWith(string suffix)
        {
            if (suffix.Length > _chars.Length)
            {
                return false;
            }

            for (var i = 0; i < suffix.Length; i++)
            {
                if (_chars[_chars.Length - suffix.Length + i] != suffix[i])
                {
                    return false;
                }
            }

            return true;
        }

        public void Chop(int count) => _chars.Length -= count;

        public void Append(string text) => _chars.Append(text);

        public void ReplaceEnd(int count, string replacement)
        {
            Chop(count);
            Append(replacement);
        }

        /// <summary>The number of vowel-consonant sequences in the first <paramref name="length"/> letters.</summary>
        public int Measure(int length)
        {
            var m = 0;
            var previousWasVowel = false;
            for (var i = 0; i < length; i++)
            {
                var consonant = IsConsonant(i);
                if (consonant && previousWasVowel)
                {
                    m++;
                }

                previousWasVowel = !consonant;
            }

            return m;
        }

        public bool HasVowel(int length)
        {
            for (var i = 0; i < length; i++)
            {
                if (!IsConsonant(i))
                {
                    return true;
                }
            }

            return false;
        }

        public bool EndsWithDoubleConsonant() =>
            _chars.Length >= 2 && _chars[^1] == _chars[^2] && IsConsonant(_chars.Length - 1);

        /// <summary>Consonant-vowel-consonant ending at <paramref name="length"/>, the last not w, x or y ("hop" but not "snow").</summary>
        public bool EndsWithCvc(int length) =>
            length >= 3 && IsConsonant(length - 1) && !IsConsonant(length - 2) && IsConsonant(length - 3)
            && _chars[length - 1] is not ('w' or 'x' or 'y');

        private bool IsConsonant(int i) => _chars[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        public override string ToString() => _chars.ToString();
    }
}
