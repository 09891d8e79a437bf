using System.Globalization;
using System.Text.Json;
using SocBot.Cli;

namespace SocBot.Ownership;

/// <summary><c>ask "&lt;question&gt;" [--json] [--explain]</c>: the chat answer to an ownership question, on the command line.</summary>
public sealed class AskVerb(OwnershipAnswerer answerer) : ICliVerb
{
    public string Name => "ask";

    public string Summary => "\"<question>\" [--json] [--explain]   who owns a duty, product or task";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var json = false;
        var explain = false;
        var words = new List<string>();
        foreach (var arg in args)
        {
            switch (arg)
            {
                case "--json":
                    json = true;
                    break;
                case "--explain":
                    explain = true;
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    throw new CliUsageException($"Unknown option '{option}'.");
                default:
                    words.Add(arg);
                    break;
            }
        }

        var question = string.Join(' ', words).Trim();
        if (question.Length == 0)
        {
            throw new CliUsageException("Give the question, e.g. ask \"who owns MDE?\".");
        }

        answerer.PrepareSemanticIndex(cancellationToken);
        var answer = answerer.Answer(question);
        var output = json ? ToJson(answer, explain) : ToText(answer, explain);
        await console.Out.WriteLineAsync(output.AsMemory(), cancellationToken);
        return ExitCodes.Ok;
    }

    private static string ToJson(OwnershipAnswer answer, bool explain)
    {
        var output = new AskJson(
            answer.Question,
            answer.Confident,
            answer.Kind.ToString(),
            answer.Owners.Select(ToJson).ToList(),
            answer.AlsoRelated.Select(ToJson).ToList(),
            answer.Suggestions.Select(ToJson).ToList(),
            answer.OutsideSoc,
            answer.Profile?.Items.Select(i => i.Title).ToList(),
            explain ? ToJson(answer.Explanation) : null);
        return JsonSerializer.Serialize(output, AskJsonContext.Default.AskJson);
    }

    private static AskJsonMatch ToJson(OwnershipMatch match) =>
        new(match.TeamName, match.Team?.Id, match.Item.Title, Math.Round(match.Score, 3));

    private static AskJsonExplanation ToJson(OwnershipExplanation e) => new(
        e.Words,
        e.Corrections,
        e.Synonyms,
        e.Terms,
        e.TopScores.Select(s => new AskJsonScore(s.Team, s.Matched, s.Kind.ToString(), Math.Round(s.Score, 3), Math.Round(s.Coverage, 3)))
            .ToList(),
        e.Decision,
        e.Rule,
        e.TeamScores?.Select(t => new AskJsonTeamScore(t.Team, Round(t.Lexical), Round(t.Coverage), Round(t.Semantic), Round(t.SemanticAgreement), t.SemanticMatched)).ToList(),
        e.Elsewhere is { } elsewhere ? new AskJsonElsewhere(Math.Round(elsewhere.Similarity, 3), elsewhere.Sentence) : null);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;

    private static string Score(double? value, string format = "F3") =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static string ToText(OwnershipAnswer answer, bool explain)
    {
        var text = OwnershipAnswerText.ToMarkdown(answer);
        if (!explain)
        {
            return text;
        }

        var e = answer.Explanation;
        var lines = new List<string>
        {
            text,
            "",
            "--- explain ---",
            $"words:       {string.Join(' ', e.Words)}",
            $"corrections: {(e.Corrections.Count == 0 ? "none" : string.Join(", ", e.Corrections.Select(c => $"{c.Written} → {c.ReadAs} (distance {c.Distance})")))}",
            $"synonyms:    {(e.Synonyms.Count == 0 ? "none" : string.Join(", ", e.Synonyms.Select(s => $"{s.Written} → {s.ReadAs}")))}",
            $"terms:       {string.Join(' ', e.Terms)}",
            "top scores:",
        };
        lines.AddRange(e.TopScores.Select(s => string.Create(
            CultureInfo.InvariantCulture,
            $"  {s.Score,7:F3}  coverage {s.Coverage,4:P0}  {s.Team}: {s.Matched} ({s.Kind})")));
        if (e.TeamScores is { Count: > 0 } teams)
        {
            lines.Add("team scores: lexical (coverage) | meaning (agreement)");
            lines.AddRange(teams.Select(t => string.Create(
                CultureInfo.InvariantCulture,
                $"  {Score(t.Lexical),7}  ({Score(t.Coverage, "P0"),4}) | {Score(t.Semantic),6} ({Score(t.SemanticAgreement),6})  {t.Team}{(t.SemanticMatched is null ? "" : $": {t.SemanticMatched}")}")));
        }

        if (e.Elsewhere is { } outside)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"outside SOC: {outside.Similarity:F3}  {outside.Sentence}"));
        }

        lines.Add($"rule:        {e.Rule}");
        lines.Add($"decision:    {e.Decision}");
        return string.Join(Environment.NewLine, lines);
    }
}
