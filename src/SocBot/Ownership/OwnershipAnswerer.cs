using Microsoft.Extensions.Logging;

namespace SocBot.Ownership;

/// <summary>
/// Answers "who owns X?" from the catalog in force. The index is built once per corpus instance and swapped when the
/// source hands out a new one (a reloaded catalog), never rebuilt per question. Thread-safe.
/// </summary>
public sealed class OwnershipAnswerer(IOwnershipCorpusSource source, ILogger<OwnershipAnswerer> logger)
{
    /// <summary>The share of a question's information the best item must contain to be named as the owner.</summary>
    internal const double MinimumCoverage = 0.6;

    /// <summary>Another team within this fraction of the best score owns part of it too: the answer is ambiguous.</summary>
    internal const double AmbiguityRatio = 0.8;

    /// <summary>Teams within this fraction of the best score are offered as "also related".</summary>
    internal const double RelatedRatio = 0.45;

    /// <summary>More owning teams than this means the question is too broad to route: say so rather than guess.</summary>
    internal const int MaximumOwners = 2;

    private const int MaximumRelated = 2;
    private const int MaximumSuggestions = 3;
    private const int ExplainedScores = 5;

    private OwnershipIndex? _index;

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
                Explain(analyzed, index, [], $"question about the team {team.DisplayName}"));
        }

        var results = index.Search(analyzed.Terms);
        var answer = Decide(question, analyzed, index, results);
        Log.OwnershipAnswered(logger, answer.Kind, results.Count);
        return answer;
    }

    private static OwnershipAnswer Decide(string question, AnalyzedText analyzed, OwnershipIndex index, List<ScoredItem> results)
    {
        var byTeam = results
            .Where(r => r.Coverage >= MinimumCoverage)
            .GroupBy(r => index.Items[r.ItemIndex].TeamId ?? "", StringComparer.OrdinalIgnoreCase)
            .Select(g => Represent(g.ToList(), index))
            .ToList();
        var related = results
            .GroupBy(r => index.Items[r.ItemIndex].TeamId ?? "", StringComparer.OrdinalIgnoreCase)
            .Select(g => Represent(g.ToList(), index))
            .ToList();

        if (byTeam.Count == 0)
        {
            var reason = analyzed.Terms.Count == 0
                ? "no words to look up"
                : $"no item contains {MinimumCoverage:P0} of the question's information";
            return Refuse(question, analyzed, index, results, reason);
        }

        var best = byTeam[0];
        var owners = byTeam.TakeWhile(m => m.Score >= AmbiguityRatio * best.Score).ToList();
        if (owners.Count > MaximumOwners)
        {
            return Refuse(question, analyzed, index, results, $"{owners.Count} teams score alike: too broad to name an owner");
        }

        var alsoRelated = related
            .Where(m => owners.All(o => !SameTeam(o, m)) && m.Score >= RelatedRatio * best.Score)
            .Take(MaximumRelated)
            .ToList();
        var kind = owners.Count > 1 ? OwnershipAnswerKind.Ambiguous : OwnershipAnswerKind.Owner;
        var decision = kind == OwnershipAnswerKind.Ambiguous
            ? $"{owners.Count} teams within {AmbiguityRatio:P0} of the best score: ambiguous"
            : $"best item covers {Coverage(results, best, index):P0} of the question's information";
        return new OwnershipAnswer(question, kind, owners, alsoRelated, [], null, Explain(analyzed, index, results, decision));
    }

    private static OwnershipAnswer Refuse(
        string question, AnalyzedText analyzed, OwnershipIndex index, List<ScoredItem> results, string reason)
    {
        var suggestions = results
            .Where(r => index.Items[r.ItemIndex].Kind != OwnershipItemKind.Team)
            .Take(MaximumSuggestions)
            .Select(r => ToMatch(r, index))
            .ToList();
        return new OwnershipAnswer(
            question, OwnershipAnswerKind.Unknown, [], [], suggestions, null, Explain(analyzed, index, results, reason));
    }

    /// <summary>
    /// A team's match: its best score, quoting its best responsibility or task rather than its own name when one matched,
    /// because the asker judges the answer by the duty quoted.
    /// </summary>
    private static OwnershipMatch Represent(List<ScoredItem> teamResults, OwnershipIndex index)
    {
        var quoted = teamResults.FirstOrDefault(r => index.Items[r.ItemIndex].Kind != OwnershipItemKind.Team, teamResults[0]);
        return ToMatch(quoted, index) with { Score = teamResults[0].Score };
    }

    private static OwnershipMatch ToMatch(ScoredItem result, OwnershipIndex index)
    {
        var item = index.Items[result.ItemIndex];
        var team = item.TeamId is null ? null : index.TeamsById.GetValueOrDefault(item.TeamId);
        return new OwnershipMatch(team, item, result.Score);
    }

    private static bool SameTeam(OwnershipMatch a, OwnershipMatch b) =>
        string.Equals(a.Item.TeamId, b.Item.TeamId, StringComparison.OrdinalIgnoreCase);

    private static double Coverage(List<ScoredItem> results, OwnershipMatch match, OwnershipIndex index) =>
        results.Where(r => index.Items[r.ItemIndex] == match.Item).Select(r => r.Coverage).DefaultIfEmpty(0).Max();

    private static OwnershipExplanation Explain(AnalyzedText analyzed, OwnershipIndex index, List<ScoredItem> results, string decision) =>
        new(
            analyzed.Words,
            analyzed.Corrections,
            analyzed.Synonyms,
            analyzed.Terms,
            results.Take(ExplainedScores).Select(r =>
            {
                var match = ToMatch(r, index);
                return new OwnershipScoreLine(match.TeamName, match.Item.Title, match.Item.Kind, r.Score, r.Coverage);
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
}
