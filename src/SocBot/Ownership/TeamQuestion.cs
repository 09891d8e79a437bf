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

        var wanted = terms.ToHashSet(StringComparer.Ordinal);
        var candidates = index.TeamTerms
            .Select(t => (TeamId: t.Key, Fit: t.Value
                .Where(name => exact ? name.SetEquals(wanted) : name.IsSupersetOf(wanted))
                .Select(name => (double)wanted.Count / name.Count)
                .DefaultIfEmpty(0)
                .Max()))
            .Where(c => c.Fit > 0)
            .OrderByDescending(c => c.Fit)
            .ToList();
        if (candidates.Count == 0 || (candidates.Count > 1 && candidates[1].Fit == candidates[0].Fit))
        {
            return null;
        }

        return index.TeamsById[candidates[0].TeamId];
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
