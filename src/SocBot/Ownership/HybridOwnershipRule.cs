namespace SocBot.Ownership;

/// <summary>
/// Decides an answer from both matchers. The lexical answer stands when it names an owner, because the matrix's own words
/// are the strongest evidence there is; meaning can only add a second possible owner when it clearly prefers another
/// team. When the words name no owner, meaning alone may name one when the question is close enough to a duty and
/// clearly closer to it than to work done outside the SOC: similarity alone cannot tell a paraphrase from an out-of-scope
/// question that borrows a SOC word, but the out-of-scope one is nearly as close to facilities or payroll. Nor may it
/// name one when two teams are about equally close: measured, naming both as possible owners put the wrong team first
/// about as often as the right one, so the answer declines and offers both.
/// </summary>
internal sealed class HybridOwnershipRule(OwnershipSemanticOptions options, OwnershipIndex index)
{
    public OwnershipAnswer Decide(OwnershipAnswer lexical, List<OwnershipAnswerer.TeamCandidate> lexicalTeams, SemanticScores scores)
    {
        var meaning = RankTeams(scores);
        var explanation = lexical.Explanation with
        {
            TeamScores = TeamScores(lexicalTeams, meaning),
            Elsewhere = scores.ElsewhereSentence is null ? null : new OwnershipElsewhereScore(scores.Elsewhere, scores.ElsewhereSentence),
        };
        if (meaning.Count == 0)
        {
            return lexical with { Explanation = explanation };
        }

        var best = meaning[0];
        var margin = meaning.Count > 1 ? best.Agreement - meaning[1].Agreement : best.Agreement;
        return lexical.Kind is OwnershipAnswerKind.Owner or OwnershipAnswerKind.Ambiguous
            ? Check(lexical, explanation, meaning, best, scores)
            : Rescue(lexical, explanation, meaning, best, margin, scores);
    }

    /// <summary>Meaning may name an owner: close enough to a duty, and clearly closer to it than to work outside the SOC.</summary>
    private bool Sure(TeamMeaning best, SemanticScores scores) =>
        best.Similarity >= options.OwnerSimilarity && best.Similarity - scores.Elsewhere >= options.ElsewhereMargin;

    private OwnershipAnswer Check(
        OwnershipAnswer lexical, OwnershipExplanation explanation, List<TeamMeaning> meaning, TeamMeaning best, SemanticScores scores)
    {
        if (lexical.Owners.Any(o => OwnershipAnswerer.SameTeam(o, best.Match)))
        {
            return lexical with { Explanation = explanation with { Rule = OwnershipRules.LexicalAgreed } };
        }

        var owner = lexical.Owners[0];
        var ahead = best.Agreement - meaning.FirstOrDefault(m => OwnershipAnswerer.SameTeam(m.Match, owner)).Agreement;
        if (Sure(best, scores) && ahead >= options.OwnerMargin && lexical.Kind == OwnershipAnswerKind.Owner)
        {
            return lexical with
            {
                Kind = OwnershipAnswerKind.Ambiguous,
                Owners = [owner, best.Match],
                AlsoRelated = [.. lexical.AlsoRelated.Where(r => !OwnershipAnswerer.SameTeam(r, best.Match))],
                Disputed = true,
                Explanation = explanation with
                {
                    Rule = OwnershipRules.Disagreed,
                    Decision = Invariant(
                        $"the words point to {owner.TeamName}, the meaning to {best.Match.TeamName} (similarity {best.Similarity:F2}, {ahead:F2} ahead by agreement): two teams may own it"),
                },
            };
        }

        var related = lexical.AlsoRelated.Any(r => OwnershipAnswerer.SameTeam(r, best.Match))
                      || lexical.Owners.Count + lexical.AlsoRelated.Count > OwnershipAnswerer.MaximumRelated
                      || best.Similarity < options.SuggestionSimilarity
            ? lexical.AlsoRelated
            : [.. lexical.AlsoRelated, best.Match];
        return lexical with { AlsoRelated = related, Explanation = explanation with { Rule = OwnershipRules.LexicalMeaningUnsure } };
    }

    private OwnershipAnswer Rescue(
        OwnershipAnswer lexical, OwnershipExplanation explanation, List<TeamMeaning> meaning, TeamMeaning best, double margin, SemanticScores scores)
    {
        if (!Sure(best, scores))
        {
            return Refuse(lexical, explanation, meaning, scores, RefusalReason(best, scores));
        }

        if (margin < options.OwnerMargin && meaning.Count > 1)
        {
            var second = meaning[1];
            return Refuse(lexical, explanation, meaning, scores, Invariant(
                $"by meaning {best.Match.TeamName} (agreement {best.Agreement:F2}) and {second.Match.TeamName} ({second.Agreement:F2}) are within {options.OwnerMargin:F2}: too close to name either"));
        }

        var outside = best.Similarity - scores.Elsewhere;
        var related = meaning.Skip(1)
            .TakeWhile(m => m.Agreement >= best.Agreement - (2 * options.OwnerMargin))
            .Select(m => m.Match)
            .Take(OwnershipAnswerer.MaximumRelated);
        return lexical with
        {
            Kind = OwnershipAnswerKind.Owner,
            Owners = [best.Match],
            AlsoRelated = [.. related],
            Suggestions = [],
            Explanation = explanation with
            {
                Rule = OwnershipRules.Meaning,
                Decision = Invariant(
                    $"no lexical owner; by meaning {best.Match.TeamName} (similarity {best.Similarity:F2}, agreement {best.Agreement:F2}) is {margin:F2} ahead of the next team and {outside:F2} closer than work outside the SOC"),
            },
        };
    }

    private string RefusalReason(TeamMeaning best, SemanticScores scores) =>
        best.Similarity < options.OwnerSimilarity
            ? Invariant($"the closest team by meaning, {best.Match.TeamName}, is only {best.Similarity:F2} similar (below {options.OwnerSimilarity:F2})")
            : Invariant(
                $"by meaning {best.Match.TeamName} ({best.Similarity:F2}) is not {options.ElsewhereMargin:F2} closer than work outside the SOC: \"{scores.ElsewhereSentence}\" ({scores.Elsewhere:F2})");

    /// <summary>
    /// Declines, suggesting the closest duties, unless work done outside the SOC is closer than every one of them: measured
    /// on the paraphrase and plain question sets, that held for a third of the out-of-scope questions and for none of
    /// the in-scope ones refused, so its suggestions would only send the asker to duties that are not what they meant.
    /// </summary>
    private OwnershipAnswer Refuse(
        OwnershipAnswer lexical, OwnershipExplanation explanation, List<TeamMeaning> meaning, SemanticScores scores, string reason)
    {
        var closest = meaning.Max(m => m.Similarity);
        if (scores.ElsewhereSentence is not null && scores.Elsewhere > closest)
        {
            return lexical with
            {
                Suggestions = [],
                OutsideSoc = true,
                Explanation = explanation with
                {
                    Rule = OwnershipRules.Refused,
                    Decision = Invariant(
                        $"{lexical.Explanation.Decision}; {reason}; work outside the SOC ({scores.Elsewhere:F2}) is closer than any SOC duty ({closest:F2}), so nothing is suggested"),
                },
            };
        }

        return lexical with
        {
            Suggestions = Suggestions(lexical, meaning),
            Explanation = explanation with { Rule = OwnershipRules.Refused, Decision = $"{lexical.Explanation.Decision}; {reason}" },
        };
    }

    /// <summary>The closest duties by meaning first, then the lexical ones, one per duty.</summary>
    private List<OwnershipMatch> Suggestions(OwnershipAnswer lexical, List<TeamMeaning> meaning) =>
        meaning
            .Where(m => m.Similarity >= options.SuggestionSimilarity)
            .Select(m => m.Match)
            .Concat(lexical.Suggestions)
            .DistinctBy(m => m.Item.Id)
            .Take(OwnershipAnswerer.MaximumSuggestions)
            .ToList();

    /// <summary>
    /// Each team (and "every SOC team"), ordered by its best item's agreement (the mean of that item's closest views), and
    /// with the similarity of its closest view of all, which decides whether meaning may name it. The quoted item is its
    /// best duty by agreement: the team's own entry counts towards its scores but is not quoted while it has duties,
    /// because the asker checks an answer against the duty quoted.
    /// </summary>
    private List<TeamMeaning> RankTeams(SemanticScores scores)
    {
        var teams = new Dictionary<string, (int Closest, int Agreed, int AgreedDuty)>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < scores.Similarity.Count; i++)
        {
            var key = index.Items[i].TeamId ?? "";
            var (closest, agreed, agreedDuty) = teams.GetValueOrDefault(key, (-1, -1, -1));
            if (closest < 0 || scores.Similarity[i] > scores.Similarity[closest])
            {
                closest = i;
            }

            if (agreed < 0 || scores.Agreement[i] > scores.Agreement[agreed])
            {
                agreed = i;
            }

            if (index.Items[i].Kind != OwnershipItemKind.Team && (agreedDuty < 0 || scores.Agreement[i] > scores.Agreement[agreedDuty]))
            {
                agreedDuty = i;
            }

            teams[key] = (closest, agreed, agreedDuty);
        }

        return teams.Values
            .Select(t =>
            {
                var item = index.Items[t.AgreedDuty >= 0 ? t.AgreedDuty : t.Agreed];
                var team = item.TeamId is null ? null : index.TeamsById.GetValueOrDefault(item.TeamId);
                var similarity = scores.Similarity[t.Closest];
                return new TeamMeaning(new OwnershipMatch(team, item, similarity), similarity, scores.Agreement[t.Agreed]);
            })
            .OrderByDescending(t => t.Agreement)
            .ToList();
    }

    private static List<OwnershipTeamScore> TeamScores(List<OwnershipAnswerer.TeamCandidate> lexical, List<TeamMeaning> meaning)
    {
        var names = lexical.Select(l => l.Match.TeamName).Take(OwnershipAnswerer.ExplainedScores)
            .Concat(meaning.Select(m => m.Match.TeamName).Take(OwnershipAnswerer.ExplainedScores))
            .Distinct(StringComparer.Ordinal);
        return names.Select(name =>
        {
            var l = lexical.FirstOrDefault(t => t.Match.TeamName == name);
            var m = meaning.FirstOrDefault(t => t.Match.TeamName == name);
            return new OwnershipTeamScore(
                name,
                l.Match is null ? null : l.Match.Score,
                l.Match is null ? null : l.Coverage,
                m.Match is null ? null : m.Similarity,
                m.Match?.Item.Title,
                m.Match is null ? null : m.Agreement);
        }).OrderByDescending(s => s.SemanticAgreement ?? -1).ToList();
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private readonly record struct TeamMeaning(OwnershipMatch Match, double Similarity, double Agreement);
}
