using Microsoft.Extensions.Logging;

namespace SocBot.Ownership;

/// <summary>
/// Answers "who owns X?" from the catalog in force. The index is built once per corpus instance and swapped when the
/// source hands out a new one (a reloaded catalog), never rebuilt per question. Once the semantic index of the same corpus
/// is built in the background, a lexical answer the words do not settle is checked against the closest teams by meaning (see
/// <see cref="HybridOwnershipRule"/>); until then answers are lexical only. Thread-safe.
/// </summary>
public sealed class OwnershipAnswerer(
    IOwnershipCorpusSource source, ILogger<OwnershipAnswerer> logger, OwnershipSemantics? semantics = null)
{
    /// <summary>The share of a question's information a team's items must hold together for the team to be named as owner.</summary>
    internal const double MinimumCoverage = 0.6;

    /// <summary>Another team within this fraction of the best score owns part of it too: the answer is ambiguous.</summary>
    internal const double AmbiguityRatio = 0.8;

    /// <summary>Teams within this fraction of the best score are offered as "also related".</summary>
    internal const double RelatedRatio = 0.45;

    /// <summary>More owning teams than this means the question is too broad to route: say so rather than guess.</summary>
    internal const int MaximumOwners = 2;

    internal const int MaximumRelated = 2;
    internal const int MaximumSuggestions = 3;
    internal const int ExplainedScores = 5;

    private OwnershipIndex? _index;

    /// <summary>
    /// Builds the semantic index of the catalog in force now, for a caller that has no background service and may wait
    /// (the command line). The bot never calls this.
    /// </summary>
    public void PrepareSemanticIndex(CancellationToken cancellationToken) => semantics?.Build(source.Current, cancellationToken);

    public OwnershipAnswer Answer(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var index = CurrentIndex();
        var analyzed = index.Analyzer.Analyze(question, correctSpelling: true);

        if (TeamQuestion.Find(analyzed, index) is { } team)
        {
            var profile = new OwnershipTeamProfile(
                team,
                index.Corpus.Items
                    .Where(i => i.TeamId is null || string.Equals(i.TeamId, team.Id, StringComparison.OrdinalIgnoreCase))
                    .ToList());
            var teamItem = index.Items.First(i => i.Kind == OwnershipItemKind.Team && i.TeamId == team.Id);
            Log.OwnershipAnswered(logger, OwnershipAnswerKind.TeamProfile, 1);
            return new OwnershipAnswer(
                question,
                OwnershipAnswerKind.TeamProfile,
                [new OwnershipMatch(team, teamItem, 0)],
                [],
                [],
                profile,
                Explain(analyzed, index, null, $"question about the team {team.DisplayName}") with { Rule = OwnershipRules.TeamQuestion });
        }

        var results = index.Search(analyzed.Terms);
        var teams = Candidates(index, results);
        var answer = Decide(question, analyzed, index, results, teams);
        var meaning = semantics?.IndexFor(index.Corpus);
        if (meaning is not null && !Settled(answer, teams, semantics!.Options))
        {
            var scores = meaning.Score(semantics.Embed(question), semantics.Options.AgreeingViews);
            answer = new HybridOwnershipRule(semantics.Options, index).Decide(answer, teams, scores);
        }
        else
        {
            var lexical = teams.Take(ExplainedScores).Select(t => new OwnershipTeamScore(t.Match.TeamName, t.Match.Score, t.Coverage, null, null));
            var rule = meaning is null ? OwnershipRules.Lexical : OwnershipRules.LexicalSettled;
            answer = answer with { Explanation = answer.Explanation with { TeamScores = [.. lexical], Rule = rule } };
        }

        Log.OwnershipAnswered(logger, answer.Kind, results.Items.Count);
        return answer;
    }

    /// <summary>Embedding a question costs milliseconds of CPU; when the words already name an owner this clearly, it is skipped.</summary>
    private static bool Settled(OwnershipAnswer lexical, List<TeamCandidate> teams, OwnershipSemanticOptions options) =>
        lexical.Kind is OwnershipAnswerKind.Owner or OwnershipAnswerKind.Ambiguous
        && teams.First(t => SameTeam(t.Match, lexical.Owners[0])).Coverage >= options.SettledCoverage;

    /// <summary>Each team with a lexical match, best first: its best score, quoted item, and the information its items hold.</summary>
    internal static List<TeamCandidate> Candidates(OwnershipIndex index, SearchResult results) =>
        results.Items
            .GroupBy(r => index.Items[r.ItemIndex].TeamId ?? "", StringComparer.OrdinalIgnoreCase)
            .Select(g => Represent(g.ToList(), index, results))
            .ToList();

    private static OwnershipAnswer Decide(
        string question, AnalyzedText analyzed, OwnershipIndex index, SearchResult results, List<TeamCandidate> teams)
    {
        var qualified = teams.Where(t => t.Coverage >= MinimumCoverage).ToList();
        if (qualified.Count == 0)
        {
            var reason = analyzed.Terms.Count == 0
                ? "no words to look up"
                : $"no team's items hold {MinimumCoverage:P0} of the question's information";
            return Refuse(question, analyzed, index, results, reason);
        }

        var best = qualified[0];
        if (best.Information < index.BroadWordInformation)
        {
            return Refuse(question, analyzed, index, results, "the matched words are too common to name an owner");
        }

        var owners = qualified.TakeWhile(t => t.Match.Score >= AmbiguityRatio * best.Match.Score).Select(t => t.Match).ToList();
        if (owners.Count > MaximumOwners)
        {
            return Refuse(question, analyzed, index, results, $"{owners.Count} teams score alike: too broad to name an owner");
        }

        // A runner-up sharing only broad words with the question ("Microsoft", "Defender") is not related, however close.
        var alsoRelated = teams
            .Where(t => t.MostSpecific >= index.BroadWordInformation)
            .Select(t => t.Match)
            .Where(m => owners.All(o => !SameTeam(o, m)) && m.Score >= RelatedRatio * best.Match.Score)
            .Take(MaximumRelated)
            .ToList();
        var kind = owners.Count > 1 ? OwnershipAnswerKind.Ambiguous : OwnershipAnswerKind.Owner;
        var decision = kind == OwnershipAnswerKind.Ambiguous
            ? $"{owners.Count} teams within {AmbiguityRatio:P0} of the best score: ambiguous"
            : $"{best.Match.TeamName}'s items hold {best.Coverage:P0} of the question's information";
        return new OwnershipAnswer(question, kind, owners, alsoRelated, [], null, Explain(analyzed, index, results, decision));
    }

    private static OwnershipAnswer Refuse(
        string question, AnalyzedText analyzed, OwnershipIndex index, SearchResult results, string reason)
    {
        var suggestions = results.Items
            .Where(r => index.Items[r.ItemIndex].Kind != OwnershipItemKind.Team)
            .Take(MaximumSuggestions)
            .Select(r => ToMatch(r, index))
            .ToList();
        return new OwnershipAnswer(
            question, OwnershipAnswerKind.Unknown, [], [], suggestions, null, Explain(analyzed, index, results, reason));
    }

    /// <summary>
    /// A team as a candidate owner: its best score, the information all its items hold together ("forensic investigations"
    /// spans two CSIRT lines), and its best responsibility or task quoted rather than its own name, because the asker
    /// judges the answer by the duty quoted.
    /// </summary>
    private static TeamCandidate Represent(List<ScoredItem> teamResults, OwnershipIndex index, SearchResult results)
    {
        var quoted = teamResults.FirstOrDefault(r => index.Items[r.ItemIndex].Kind != OwnershipItemKind.Team, teamResults[0]);
        var matched = teamResults.Aggregate(0UL, (mask, r) => mask | r.Matched);
        return new TeamCandidate(
            ToMatch(quoted, index) with { Score = teamResults[0].Score },
            results.Coverage(matched),
            results.MatchedInformation(matched),
            results.MostSpecific(matched));
    }

    internal static OwnershipMatch ToMatch(ScoredItem result, OwnershipIndex index)
    {
        var item = index.Items[result.ItemIndex];
        var team = item.TeamId is null ? null : index.TeamsById.GetValueOrDefault(item.TeamId);
        return new OwnershipMatch(team, item, result.Score);
    }

    internal static bool SameTeam(OwnershipMatch a, OwnershipMatch b) =>
        string.Equals(a.Item.TeamId, b.Item.TeamId, StringComparison.OrdinalIgnoreCase);

    private static OwnershipExplanation Explain(AnalyzedText analyzed, OwnershipIndex index, SearchResult? results, string decision) =>
        new(
            analyzed.Words,
            analyzed.Corrections,
            analyzed.Synonyms,
            analyzed.Terms,
            results is null
                ? []
                : results.Items.Take(ExplainedScores).Select(r =>
                {
                    var match = ToMatch(r, index);
                    return new OwnershipScoreLine(match.TeamName, match.Item.Title, match.Item.Kind, r.Score, results.Coverage(r.Matched));
                }).ToList(),
            decision);

    private OwnershipIndex CurrentIndex()
    {
        var corpus = source.Current;
        var index = Volatile.Read(ref _index);
        if (index is not null && ReferenceEquals(index.Corpus, corpus))
        {
            return index;
        }

        // Two threads may both build for a new corpus; the loser's index is dropped, which costs time, not correctness.
        index = new OwnershipIndex(corpus);
        Volatile.Write(ref _index, index);
        Log.OwnershipIndexBuilt(logger, index.ItemCount, index.Analyzer.VocabularySize);
        return index;
    }

    /// <summary>A team as the lexical ranking sees it; <see cref="MostSpecific"/> is its most informative word shared with the question.</summary>
    internal readonly record struct TeamCandidate(OwnershipMatch Match, double Coverage, double Information, double MostSpecific);
}
