using System.Reflection;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SocBot.Ownership;

/// <summary>
/// The plain-words sentences of duty-descriptions.yaml: extra "views" of a team, a duty or a maintenance task for matching
/// by meaning. Each entry has statements about the work (<see cref="About"/>) and questions people ask when that work is
/// what they need (<see cref="Asks"/>), kept apart because they are written differently, and matched alike. Keys are the
/// catalog's own (team id, exact duty text under that team, task id); a key the catalog in force lacks is simply never
/// looked up, so a reloaded catalog never breaks on a stale entry.
/// </summary>
public sealed class DutyDescriptions
{
    private const string ResourceName = "SocBot.Ownership.duty-descriptions.yaml";

    private static readonly Lazy<DutyDescriptions> Shipped = new(() => Parse(ReadResource()));

    private readonly Dictionary<string, Sentences> _teams;
    private readonly Dictionary<(string Team, string Duty), Sentences> _duties;
    private readonly Dictionary<string, Sentences> _tasks;

    private DutyDescriptions(
        Dictionary<string, Sentences> teams,
        Dictionary<(string Team, string Duty), Sentences> duties,
        Dictionary<string, Sentences> tasks,
        IReadOnlyList<string> elsewhere)
    {
        _teams = teams;
        _duties = duties;
        _tasks = tasks;
        Elsewhere = elsewhere;
    }

    /// <summary>The file shipped in this assembly.</summary>
    public static DutyDescriptions Default => Shipped.Value;

    public IEnumerable<string> TeamIds => _teams.Keys;

    public IEnumerable<(string Team, string Duty)> Duties => _duties.Keys;

    public IEnumerable<string> TaskIds => _tasks.Keys;

    /// <summary>
    /// Sentences about work done outside the SOC (facilities, payroll, sales...). Owned by no team, they let the rule see
    /// that a question is closer to something nobody in the catalog does than to any duty.
    /// </summary>
    public IReadOnlyList<string> Elsewhere { get; }

    public static DutyDescriptions Parse(string yaml)
    {
        var file = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .Build()
            .Deserialize<DescriptionFile?>(yaml) ?? new DescriptionFile();
        var teams = new Dictionary<string, Sentences>(StringComparer.OrdinalIgnoreCase);
        var duties = new Dictionary<(string, string), Sentences>(DutyKeyComparer.Instance);
        foreach (var team in file.Teams)
        {
            teams[team.Team] = new Sentences(team.About, team.Asks);
            foreach (var duty in team.Duties)
            {
                duties[(team.Team, duty.Duty)] = new Sentences(duty.About, duty.Asks);
            }
        }

        var tasks = file.Tasks.ToDictionary(t => t.Task, t => new Sentences(t.About, t.Asks), StringComparer.OrdinalIgnoreCase);
        return new DutyDescriptions(teams, duties, tasks, file.Elsewhere);
    }

    /// <summary>The sentences about one item of the index: a team (its about-text), a duty of its team, or a maintenance task.</summary>
    public IReadOnlyList<string> About(OwnershipItem item) => Find(item)?.About ?? [];

    /// <summary>
    /// The questions people ask when this item is what they need, in their own words and situations. A question is shaped
    /// more like another question than like a statement about the duty, so these are views of the item as well.
    /// </summary>
    public IReadOnlyList<string> Asks(OwnershipItem item) => Find(item)?.Asks ?? [];

    private Sentences? Find(OwnershipItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Kind switch
        {
            OwnershipItemKind.Team => _teams.GetValueOrDefault(item.TeamId ?? ""),
            OwnershipItemKind.MaintenanceTask => _tasks.GetValueOrDefault(item.Id),
            _ => _duties.GetValueOrDefault((item.TeamId ?? "", item.Title)),
        };
    }

    private static string ReadResource()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Team ids compare as the catalog compares them; duty text must match exactly.</summary>
    private sealed class DutyKeyComparer : IEqualityComparer<(string Team, string Duty)>
    {
        public static readonly DutyKeyComparer Instance = new();

        public bool Equals((string Team, string Duty) x, (string Team, string Duty) y) =>
            string.Equals(x.Team, y.Team, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Duty, y.Duty, StringComparison.Ordinal);

        public int GetHashCode((string Team, string Duty) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Team), StringComparer.Ordinal.GetHashCode(obj.Duty));
    }

    private sealed record Sentences(IReadOnlyList<string> About, IReadOnlyList<string> Asks);

    private sealed class DescriptionFile
    {
        public List<TeamEntry> Teams { get; set; } = [];

        public List<TaskEntry> Tasks { get; set; } = [];

        public List<string> Elsewhere { get; set; } = [];
    }

    private sealed class TeamEntry
    {
        public string Team { get; set; } = "";

        public List<string> About { get; set; } = [];

        public List<string> Asks { get; set; } = [];

        public List<DutyEntry> Duties { get; set; } = [];
    }

    private sealed class DutyEntry
    {
        public string Duty { get; set; } = "";

        public List<string> About { get; set; } = [];

        public List<string> Asks { get; set; } = [];
    }

    private sealed class TaskEntry
    {
        public string Task { get; set; } = "";

        public List<string> About { get; set; } = [];

        public List<string> Asks { get; set; } = [];
    }
}
