using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SocBot.Catalog;

/// <summary>
/// The parts of a Microsoft documentation page the importer reads: the YAML front matter and the first pipe table.
/// What it skips or repairs on the way (front matter, include lines, empty rows) goes to the notes.
/// </summary>
internal sealed class MarkdownDocument
{
    private MarkdownDocument(string file, string sha256, IReadOnlyDictionary<string, string> frontMatter, IReadOnlyList<string> header, IReadOnlyList<MarkdownRow> rows)
    {
        File = file;
        Sha256 = sha256;
        FrontMatter = frontMatter;
        Header = header;
        Rows = rows;
    }

    public string File { get; }

    public string Sha256 { get; }

    public IReadOnlyDictionary<string, string> FrontMatter { get; }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<MarkdownRow> Rows { get; }

    /// <summary>Reads the page; throws <see cref="CatalogLoadException"/> when it has no pipe table.</summary>
    public static MarkdownDocument Parse(byte[] content, string file, List<ImportNote> notes)
    {
        var lines = Encoding.UTF8.GetString(content).TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        var index = 0;
        var frontMatter = ReadFrontMatter(lines, file, notes, ref index);

        for (; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (line.StartsWith("[!INCLUDE", StringComparison.OrdinalIgnoreCase))
            {
                notes.Add(new ImportNote(file, index + 1, $"skipped include line {line}"));
            }
            else if (line.StartsWith('|') && index + 1 < lines.Length && IsSeparator(lines[index + 1]))
            {
                break;
            }
        }

        if (index >= lines.Length)
        {
            throw new CatalogLoadException([new CatalogError(file, 1, 1, "document", "no markdown pipe table found (a header row followed by a |---| row)")]);
        }

        var header = SplitRow(lines[index]);
        var rows = new List<MarkdownRow>();
        for (index += 2; index < lines.Length && lines[index].TrimStart().StartsWith('|'); index++)
        {
            var cells = SplitRow(lines[index]);
            if (cells.All(c => c.Trim().Length == 0))
            {
                notes.Add(new ImportNote(file, index + 1, "skipped empty table row"));
                continue;
            }

            rows.Add(new MarkdownRow(index + 1, cells));
        }

        for (; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (line.StartsWith("[!INCLUDE", StringComparison.OrdinalIgnoreCase))
            {
                notes.Add(new ImportNote(file, index + 1, $"skipped include line {line}"));
            }
        }

        return new MarkdownDocument(file, Convert.ToHexStringLower(SHA256.HashData(content)), frontMatter, header, rows);
    }

    private static Dictionary<string, string> ReadFrontMatter(string[] lines, string file, List<ImportNote> notes, ref int index)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            return values;
        }

        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (end < 0)
        {
            throw new CatalogLoadException([new CatalogError(file, 1, 1, "front matter", "the front matter opened with '---' is never closed")]);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(string.Join('\n', lines[1..end])));
        }
        catch (YamlException e)
        {
            throw new CatalogLoadException([new CatalogError(file, (int)e.Start.Line + 1, (int)e.Start.Column, "front matter", $"not valid YAML: {e.Message}")]);
        }

        if (stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode map)
        {
            foreach (var (key, value) in map.Children)
            {
                if (key is YamlScalarNode { Value: { } name } && value is YamlScalarNode { Value: { } text })
                {
                    values[name] = text;
                }
            }
        }

        notes.Add(new ImportNote(file, 1, $"read front matter (lines 1-{end + 1}): title, ms.date; other keys ignored"));
        index = end + 1;
        return values;
    }

    private static bool IsSeparator(string line)
    {
        var cells = SplitRow(line);
        return line.TrimStart().StartsWith('|') && cells.Count > 0 && cells.All(c => c.Trim().Trim(':').Length > 0 && c.Trim().Trim(':').All(ch => ch == '-'));
    }

    private static List<string> SplitRow(string line)
    {
        var text = line.Trim();
        if (text.StartsWith('|'))
        {
            text = text[1..];
        }

        if (text.EndsWith('|'))
        {
            text = text[..^1];
        }

        return text.Split('|').ToList();
    }
}
