using System.Text.RegularExpressions;

namespace SocBot.Ownership;

/// <summary>Recognises questions about a team as a whole ("what does CSIRT do", "tell me about the TI team", "monitoring?").</summary>
internal static partial class TeamQuestion
{
    /// <summary>The team the question is about, or null when it asks about a duty, product or task instead.</summary>
    public static OwnershipTeam? Find(AnalyzedText analyzed, OwnershipIndex index)
    {
        var words = string.Join(' ', analyzed.Words);
        foreach (var pattern in new[] { WhatDoesTeamDo(), TellMeAbout(), TeamDuties() })
        {
            var match = pattern.Match(words);
            if (match.Success && Resolve(index.Analyzer.Analyze(match.Groups["team"].Value, correctSpelling: true).Terms, index, exact: false)
                is { } team)
            {
                return team;
            }
        }

        var whoIs = WhoIs().Match(words);
        if (whoIs.Success)
        {
            return Resolve(index.Analyzer.Analyze(whoIs.Groups["team"].Value, correctSpelling: true).Terms, index, exact: true);
        }

        // A bare name ("CSIRT?", "threat intelligence and analytics") asks about the team as a whole.
        return Resolve(analyzed.Terms, index, exact: true);
    }

    /// <summary>
    /// The one team one of whose names contains every term (<paramref name="exact"/>: equals the terms). Two teams
    /// matching equally well is no answer.
    /// </summary>
    private static OwnershipTeam? Resolve(IReadOnlyList<string> terms, OwnershipIndex index, bool exact)
    {
        if (terms.Count == 0)
        {
            return null;
        }

        // Loops, not a query: this runs for every question, and the query's iterators were a fair share of an answer's garbage.
        var wanted = terms.ToHashSet(StringComparer.Ordinal);
        string? bestTeam = null;
        var bestFit = 0.0;
        var tied = false;
        foreach (var (teamId, names) in index.TeamTerms)
        {
            var fit = 0.0;
            for (var n = 0; n < names.Count; n++)
            {
                var name = names[n];
                if (exact ? name.SetEquals(wanted) : name.IsSupersetOf(wanted))
                {
                    fit = Math.Max(fit, (double)wanted.Count / name.Count);
                }
            }

            if (fit > bestFit)
            {
                (bestTeam, bestFit, tied) = (teamId, fit, false);
            }
            else if (fit > 0 && fit == bestFit)
            {
                tied = true;
            }
        }

        if (bestTeam is null || tied)
        {
            return null;
        }

        return index.TeamsById[bestTeam];
    }

    [GeneratedRegex(@"^what (?:does|do|is|are) (?<team>.+?) (?:do|doing|handle|cover|own|work on|responsible for|in charge of|for|about)$")]
    private static partial Regex WhatDoesTeamDo();

    [GeneratedRegex(@"^(?:tell me about|describe|explain|show me|show|list) (?<team>.+?)$")]
    private static partial Regex TellMeAbout();

    [GeneratedRegex(@"^(?:what are |list |show )?(?<team>.+?) (?:responsibilities|duties|tasks|scope|job)$")]
    private static partial Regex TeamDuties();

    [GeneratedRegex(@"^(?:who|what) (?:is|are) (?<team>.+?)$")]
    private static partial Regex WhoIs();
}
