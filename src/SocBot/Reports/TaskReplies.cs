using SocBot.Catalog;

namespace SocBot.Reports;

/// <summary>What a command says when its words name no task, or several: the titles to choose from, never ids.</summary>
public static class TaskReplies
{
    public static string NotMatched(TaskLookupResult result, string text, string usage, IReadOnlyList<MaintenanceTask> offered)
    {
        if (result.IsAmbiguous)
        {
            return $"I can't tell which task '{text.Trim()}' means: {Titles(result.Candidates)}. Say a few more words of its title.";
        }

        return (text.Trim().Length == 0 ? $"Which task? Say `{usage}` with the task's title or part of it." : $"I don't know a task called '{text.Trim()}'.")
            + $" Tasks: {Titles(offered)}.";
    }

    public static string Titles(IEnumerable<MaintenanceTask> tasks) => string.Join(", ", tasks.Select(t => $"**{t.Title}**"));
}
