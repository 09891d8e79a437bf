using System.Text;
using SocBot.Bot;
using SocBot.Catalog;
using SocBot.Protocol.Hosting;
using SocBot.Reminders;

namespace SocBot.Ownership;

/// <summary>
/// Ownership questions in chat: "who owns MDE?", "which team handles pen testing", "what does CSIRT do", or a bare
/// topic. Anything no other command takes is tried as a question; if it does not read as one and nothing matches, the
/// asker gets the closest commands rather than a refusal they did not ask for. `matrix` shows the whole roles matrix.
/// </summary>
public sealed class OwnershipChatModule(OwnershipAnswerer answerer, ICatalogSource catalogSource, HelpModule help) : IBotModule
{
    private static readonly string[] QuestionWords = ["who", "whom", "whose", "which", "what", "where"];

    public IEnumerable<HelpEntry> Help { get; } =
    [
        new("who owns ‹topic›?", "which SOC team is responsible for a duty, product or task"),
        new("what does ‹team› do?", "a team's responsibilities and recurring tasks"),
        new("matrix", "the whole SOC roles matrix"),
    ];

    public void Register(ActivityRouter router)
    {
        foreach (var word in QuestionWords)
        {
            router.OnCommand(word, (turn, _, ct) => AnswerAsync(turn, turn.Text, ct));
        }

        router.OnCommand("matrix", (turn, _, ct) => turn.SendActivityAsync(Matrix(catalogSource.Current), ct));
        router.OnUnmatchedMessage((turn, ct) => AnswerOrHelpAsync(turn, ct));
    }

    private Task AnswerAsync(ITurnContext turn, string question, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(ReminderPoster.CardActivity(OwnershipCards.ToCard(Telemetry.SocBotMetrics.Answered(answerer.Answer(question)))), cancellationToken);

    private Task AnswerOrHelpAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var question = turn.Text;
        var answer = question.Length == 0 ? null : Telemetry.SocBotMetrics.Answered(answerer.Answer(question));
        if (answer is not null && (answer.Answered || question.TrimEnd().EndsWith('?')))
        {
            return turn.SendActivityAsync(ReminderPoster.CardActivity(OwnershipCards.ToCard(answer)), cancellationToken);
        }

        return question.Length == 0 ? help.ReplyAsync(turn, cancellationToken) : help.DidNotCatchAsync(turn, cancellationToken);
    }

    private static string Matrix(SocCatalog catalog)
    {
        var text = new StringBuilder("**The SOC roles matrix**\n\n");
        foreach (var team in catalog.Teams)
        {
            text.Append("**").Append(team.DisplayName).Append("**: ").AppendJoin("; ", team.Responsibilities).Append('\n');
            if (team.DefenderTasks.Count > 0)
            {
                text.Append("  _Microsoft 365 Defender:_ ").AppendJoin("; ", team.DefenderTasks).Append('\n');
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
