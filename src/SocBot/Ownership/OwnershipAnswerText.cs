using System.Globalization;
using System.Text;

namespace SocBot.Ownership;

/// <summary>
/// The chat text (Teams markdown) of an ownership answer: owner first, the matched duty quoted, channel and contacts,
/// then runners-up; a refusal says so and offers suggestions and the way to the whole matrix.
/// </summary>
public static class OwnershipAnswerText
{
    public const string MatrixHint =
        "Ask **what does ‹team› do** for one team's duties, or say **matrix** to see the whole roles matrix.";

    /// <summary>
    /// Parts owned by each team, or, when the words and the meaning of the question point to different teams, two possible
    /// owners: the asker should check the quoted duties rather than take either on trust.
    /// </summary>
    public static string AmbiguousHeading(OwnershipAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Disputed
            ? "Two teams may own this (the wording points to the first, the meaning to the second)"
            : $"{answer.Owners.Count} teams own parts of this";
    }

    /// <summary>
    /// "X owns this", or "most likely" when only the meaning names X: that is right less often than the matrix's own
    /// words, and the asker should know to read the quoted duty before acting on it.
    /// </summary>
    public static string OwnerHeading(OwnershipAnswer answer) => OwnerHeading(answer, name => name);

    /// <summary>The heading with the owner's name as <paramref name="writeName"/> writes it (bold in the text answer).</summary>
    private static string OwnerHeading(OwnershipAnswer answer, Func<string, string> writeName)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var owner = answer.Owners[0];
        var likely = answer.ByMeaning ? " most likely" : "";
        return owner.EveryTeam
            ? $"{writeName(OwnershipMatch.EveryTeamName)}{likely} does this"
            : $"{writeName(owner.TeamName)}{likely} owns this";
    }

    public const string ByMeaningNote = "The words alone point to no duty; this is the closest by meaning. Check the duty quoted.";

    /// <summary>Why a refusal offers no duty: said so that the asker looks outside the SOC rather than rewords the question.</summary>
    public const string OutsideSocNote = "It reads more like work done outside the SOC than like any duty in the roles matrix or the task catalog.";

    public static string ToMarkdown(OwnershipAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var text = new StringBuilder();
        switch (answer.Kind)
        {
            case OwnershipAnswerKind.Owner:
                var owner = answer.Owners[0];
                var parts = owner.EveryTeam ? " — each team for its own part" : "";
                text.AppendLine(CultureInfo.InvariantCulture, $"{OwnerHeading(answer, name => $"**{name}**")}{parts}.");
                AppendQuote(text, owner.Item);
                if (answer.ByMeaning)
                {
                    text.AppendLine();
                    text.AppendLine(CultureInfo.InvariantCulture, $"_{ByMeaningNote}_");
                }

                AppendWhereToAsk(text, owner.Team);
                break;
            case OwnershipAnswerKind.Ambiguous:
                text.AppendLine(CultureInfo.InvariantCulture, $"{AmbiguousHeading(answer)}:");
                foreach (var part in answer.Owners)
                {
                    text.AppendLine();
                    text.AppendLine(CultureInfo.InvariantCulture, $"**{part.TeamName}**");
                    AppendQuote(text, part.Item);
                    AppendWhereToAsk(text, part.Team);
                }

                break;
            case OwnershipAnswerKind.TeamProfile:
                AppendProfile(text, answer.Profile!);
                break;
            default:
                text.AppendLine("I don't know who owns that.");
                if (answer.OutsideSoc)
                {
                    text.AppendLine();
                    text.AppendLine(OutsideSocNote);
                }

                if (answer.Suggestions.Count > 0)
                {
                    text.AppendLine();
                    text.AppendLine("Did you mean:");
                    foreach (var suggestion in answer.Suggestions)
                    {
                        text.AppendLine(CultureInfo.InvariantCulture, $"- {suggestion.Item.Title} ({suggestion.TeamName})");
                    }
                }

                text.AppendLine();
                text.AppendLine(MatrixHint);
                break;
        }

        if (answer.Answered && CorrectionsNote(answer) is { } note)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"_{note}_");
        }

        if (answer.AlsoRelated.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Also related:");
            foreach (var related in answer.AlsoRelated)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- **{related.TeamName}**: {related.Item.Title}");
            }
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>
    /// The spelling corrections an answer rests on, said out loud: a misreading ("parking" as "parsing") must be visible to
    /// the asker, never silently turned into a confident owner.
    /// </summary>
    public static string? CorrectionsNote(OwnershipAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var corrections = answer.Explanation.Corrections;
        return corrections.Count == 0
            ? null
            : $"I read {string.Join(", ", corrections.Select(c => $"“{c.Written}” as “{c.ReadAs}”"))}.";
    }

    private static void AppendQuote(StringBuilder text, OwnershipItem item)
    {
        var source = item.Kind switch
        {
            OwnershipItemKind.Responsibility => "responsibility",
            OwnershipItemKind.DefenderTask => "Microsoft 365 Defender task",
            OwnershipItemKind.MaintenanceTask => item.Cadence is null ? "maintenance task" : $"maintenance task, {item.Cadence}",
            _ => "team",
        };
        var quote = item.Kind == OwnershipItemKind.MaintenanceTask && !string.IsNullOrWhiteSpace(item.Description)
            ? $"{item.Title}: {item.Description}"
            : item.Kind == OwnershipItemKind.Team && !string.IsNullOrWhiteSpace(item.Description) ? item.Description : item.Title;
        text.AppendLine(CultureInfo.InvariantCulture, $"> {quote} _({source})_");
    }

    private static void AppendWhereToAsk(StringBuilder text, OwnershipTeam? team)
    {
        if (team?.Channel is { } channel)
        {
            text.AppendLine(channel.Link is null
                ? $"Channel: {channel.ChannelId}"
                : $"Channel: [{team.DisplayName}]({channel.Link.AbsoluteUri})");
        }

        if (team?.Contacts is { Count: > 0 } contacts)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Contacts: {string.Join(", ", contacts.Select(FormatContact))}");
        }
    }

    private static string FormatContact(OwnershipContact contact) =>
        contact.Address is null ? contact.Name : $"{contact.Name} ({contact.Address})";

    private static void AppendProfile(StringBuilder text, OwnershipTeamProfile profile)
    {
        var team = profile.Team;
        text.AppendLine(CultureInfo.InvariantCulture, $"**{team.DisplayName}**");
        if (!string.IsNullOrWhiteSpace(team.Description))
        {
            text.AppendLine(team.Description);
        }

        AppendSection(text, "Responsibilities", profile.Items.Where(i => i.Kind == OwnershipItemKind.Responsibility));
        AppendSection(text, "Microsoft 365 Defender tasks", profile.Items.Where(i => i.Kind == OwnershipItemKind.DefenderTask));
        AppendSection(text, "Maintenance tasks", profile.Items.Where(i => i.Kind == OwnershipItemKind.MaintenanceTask));
        text.AppendLine();
        AppendWhereToAsk(text, team);
    }

    private static void AppendSection(StringBuilder text, string heading, IEnumerable<OwnershipItem> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{heading}:");
        foreach (var item in list)
        {
            var suffix = (item.TeamId, item.Cadence) switch
            {
                (null, null) => " (every SOC team)",
                (null, { } cadence) => $" ({cadence}, every SOC team)",
                (_, { } cadence) => $" ({cadence})",
                _ => "",
            };
            text.AppendLine(CultureInfo.InvariantCulture, $"- {item.Title}{suffix}");
        }
    }
}
