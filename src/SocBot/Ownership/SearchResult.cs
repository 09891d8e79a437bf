namespace SocBot.Ownership;

/// <summary>
/// The ranked items for a question's distinct terms. Coverage is the share of the question's information (its terms
/// weighted by inverse document frequency) a set of matched terms holds: a high score from one common word is not a
/// confident match, and a word the catalog never uses ("payroll") weighs most of all.
/// </summary>
internal sealed record SearchResult(IReadOnlyList<string> Terms, IReadOnlyList<double> Information, List<ScoredItem> Items)
{
    /// <summary>The summed information of the matched terms.</summary>
    public double MatchedInformation(ulong matched)
    {
        double covered = 0;
        for (var i = 0; i < Terms.Count; i++)
        {
            if ((matched & (1UL << i)) != 0)
            {
                covered += Information[i];
            }
        }

        return covered;
    }

    /// <summary>The information of the most specific matched term.</summary>
    public double MostSpecific(ulong matched)
    {
        double most = 0;
        for (var i = 0; i < Terms.Count; i++)
        {
            if ((matched & (1UL << i)) != 0)
            {
                most = Math.Max(most, Information[i]);
            }
        }

        return most;
    }

    public double Coverage(ulong matched)
    {
        var total = Information.Sum();
        return total > 0 ? MatchedInformation(matched) / total : 0;
    }
}
