namespace SocBot.Ownership;

/// <summary>
/// BM25F over every team, responsibility, Defender task and maintenance task of one corpus. An item has two fields: its
/// title (a responsibility line, a task title, a team's names) weighs more than its description. Built once per corpus.
/// </summary>
internal sealed class OwnershipIndex
{
    private const double K1 = 1.2;
    private const double TitleWeight = 3.0;
    private const double DescriptionWeight = 1.0;
    private const double TitleLengthNormalization = 0.75;
    private const double DescriptionLengthNormalization = 0.75;
    private const int MaximumTerms = 64;
    private const double BroadWordShare = 0.1;

    private readonly Dictionary<string, Posting[]> _postings;
    private readonly double _averageTitleLength;
    private readonly double _averageDescriptionLength;
    private readonly int[] _titleLengths;
    private readonly int[] _descriptionLengths;

    public OwnershipIndex(OwnershipCorpus corpus)
    {
        Corpus = corpus;
        TeamsById = corpus.Teams.ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);
        Items = ItemsOf(corpus);
        Analyzer = new OwnershipAnalyzer(
            [.. corpus.Synonyms, .. BuiltInOwnershipSynonyms.All],
            Items.SelectMany(i => new[] { i.Title, i.Description ?? "" }));

        var titles = Items.Select(i => Analyzer.Analyze(i.Title, correctSpelling: false).Terms).ToArray();
        var descriptions = Items.Select(i => Analyzer.Analyze(i.Description ?? "", correctSpelling: false).Terms).ToArray();
        _titleLengths = titles.Select(t => t.Count).ToArray();
        _descriptionLengths = descriptions.Select(d => d.Count).ToArray();
        _averageTitleLength = Math.Max(1, _titleLengths.Average());
        _averageDescriptionLength = Math.Max(1, _descriptionLengths.Where(l => l > 0).DefaultIfEmpty(1).Average());

        var postings = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        for (var i = 0; i < Items.Count; i++)
        {
            var counts = new Dictionary<string, (int Title, int Description)>(StringComparer.Ordinal);
            foreach (var term in titles[i])
            {
                var c = counts.GetValueOrDefault(term);
                counts[term] = (c.Title + 1, c.Description);
            }

            foreach (var term in descriptions[i])
            {
                var c = counts.GetValueOrDefault(term);
                counts[term] = (c.Title, c.Description + 1);
            }

            foreach (var (term, count) in counts)
            {
                if (!postings.TryGetValue(term, out var list))
                {
                    postings[term] = list = [];
                }

                list.Add(new Posting(i, WeightedFrequency(i, count.Title, count.Description)));
            }
        }

        _postings = postings.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        TeamTerms = corpus.Teams.ToDictionary(
            t => t.Id,
            t => (IReadOnlyList<IReadOnlySet<string>>)TeamNames(t)
                .Select(n => (IReadOnlySet<string>)Analyzer.Analyze(n, correctSpelling: false).Terms.ToHashSet(StringComparer.Ordinal))
                .Where(s => s.Count > 0)
                .ToList(),
            StringComparer.OrdinalIgnoreCase);
    }

    public OwnershipCorpus Corpus { get; }

    public OwnershipAnalyzer Analyzer { get; }

    /// <summary>The corpus items plus one item per team (its names and description), in index order.</summary>
    public IReadOnlyList<OwnershipItem> Items { get; }

    public IReadOnlyDictionary<string, OwnershipTeam> TeamsById { get; }

    /// <summary>For each team, the term sets of its display name, id and aliases, to recognise "what does &lt;team&gt; do".</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlySet<string>>> TeamTerms { get; }

    public int ItemCount => Items.Count;

    /// <summary>Inverse document frequency, never negative; a term no item contains gets the highest value.</summary>
    public double Idf(string term) => Idf(_postings.TryGetValue(term, out var list) ? list.Length : 0);

    /// <summary>
    /// The information of a word one item in ten uses ("security", "Microsoft" in a SOC catalog). A question whose
    /// matched words say no more than that is too broad to route to one team, whatever the catalog's size.
    /// </summary>
    public double BroadWordInformation => Idf((int)Math.Ceiling(Items.Count * BroadWordShare));

    private double Idf(int documentFrequency) => Math.Log(1 + ((Items.Count - documentFrequency + 0.5) / (documentFrequency + 0.5)));

    /// <summary>
    /// Every item containing at least one term, best first (ties in index order, so answers are stable). Only the first
    /// <see cref="MaximumTerms"/> distinct terms count; a question is never that long.
    /// </summary>
    public SearchResult Search(IReadOnlyList<string> terms)
    {
        var distinct = terms.Distinct(StringComparer.Ordinal).Take(MaximumTerms).ToArray();
        var information = distinct.Select(Idf).ToArray();
        var scores = new Dictionary<int, (double Score, ulong Matched)>();
        for (var t = 0; t < distinct.Length; t++)
        {
            if (!_postings.TryGetValue(distinct[t], out var list))
            {
                continue;
            }

            foreach (var posting in list)
            {
                var s = scores.GetValueOrDefault(posting.ItemIndex);
                var saturated = posting.Frequency / (K1 + posting.Frequency);
                scores[posting.ItemIndex] = (s.Score + (information[t] * saturated), s.Matched | (1UL << t));
            }
        }

        var items = scores.Select(s => new ScoredItem(s.Key, s.Value.Score, s.Value.Matched)).ToList();
        items.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.ItemIndex.CompareTo(b.ItemIndex));
        return new SearchResult(distinct, information, items);
    }

    private double WeightedFrequency(int item, int titleCount, int descriptionCount)
    {
        var title = titleCount == 0 ? 0 : TitleWeight * titleCount
            / (1 - TitleLengthNormalization + (TitleLengthNormalization * _titleLengths[item] / _averageTitleLength));
        var description = descriptionCount == 0 ? 0 : DescriptionWeight * descriptionCount
            / (1 - DescriptionLengthNormalization
               + (DescriptionLengthNormalization * _descriptionLengths[item] / _averageDescriptionLength));
        return title + description;
    }

    /// <summary>The items of a corpus in index order: one per team, then the corpus items. Both matchers number items this way.</summary>
    public static IReadOnlyList<OwnershipItem> ItemsOf(OwnershipCorpus corpus) => [.. corpus.Teams.Select(TeamItem), .. corpus.Items];

    private static IEnumerable<string> TeamNames(OwnershipTeam team) =>
        team.Aliases.Prepend(team.DisplayName).Prepend(team.Id.Replace('-', ' '));

    private static OwnershipItem TeamItem(OwnershipTeam team) => new(
        $"team:{team.Id}",
        OwnershipItemKind.Team,
        team.Id,
        string.Join(", ", team.Aliases.Prepend(team.DisplayName).Distinct(StringComparer.OrdinalIgnoreCase)),
        team.Description);

    private readonly record struct Posting(int ItemIndex, double Frequency);
}
