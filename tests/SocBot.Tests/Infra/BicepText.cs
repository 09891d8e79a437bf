using System.Text;
using System.Text.RegularExpressions;

namespace SocBot.Tests.Infra;

/// <summary>
/// Just enough of a Bicep reader for consistency tests (there is no Bicep CLI here): comments are dropped, and an
/// expression runs to the end of its line unless a bracket or string keeps it open.
/// </summary>
public sealed partial class BicepText
{
    private readonly string _text;

    private BicepText(string text)
    {
        _text = StripComments(text);
    }

    public static BicepText Parse(string text) => new(text);

    public static BicepText Load(params string[] repoPath) => Parse(File.ReadAllText(RepoPaths.Combine(repoPath)));

    /// <summary>Declared parameters and whether each has a default value.</summary>
    public IReadOnlyDictionary<string, bool> Parameters =>
        ParamPattern().Matches(_text).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["default"].Success);

    public IReadOnlyDictionary<string, string> Variables =>
        VarPattern().Matches(_text).ToDictionary(m => m.Groups["name"].Value, m => ExpressionAt(m.Index + m.Length).Trim());

    /// <summary>The expression of the first property called <paramref name="name"/>, at any depth.</summary>
    public string Property(string name)
    {
        var match = new Regex($@"^\s*{Regex.Escape(name)}:\s*", RegexOptions.Multiline).Match(_text);
        return match.Success ? ExpressionAt(match.Index + match.Length).Trim() : throw new KeyNotFoundException($"No property '{name}'.");
    }

    /// <summary>For each <c>module symbol 'path' = ...</c>: its file and the names of the params it passes.</summary>
    public IReadOnlyList<BicepModuleCall> ModuleCalls =>
        ModulePattern().Matches(_text)
            .Select(m =>
            {
                var body = ExpressionAt(m.Index + m.Length);
                var paramsAt = body.IndexOf("params:", StringComparison.Ordinal);
                var keys = paramsAt < 0 ? [] : TopLevelKeys(ReadExpression(body, paramsAt + "params:".Length));
                return new BicepModuleCall(m.Groups["symbol"].Value, m.Groups["path"].Value, keys);
            })
            .ToList();

    /// <summary>The keys of a <c>{ ... }</c> object literal, not those of objects nested in it.</summary>
    public static IReadOnlyList<string> TopLevelKeys(string objectText)
    {
        var keys = new List<string>();
        var depth = 0;
        var lineStart = true;
        for (var i = 0; i < objectText.Length; i++)
        {
            var c = objectText[i];
            if (c == '\'')
            {
                i = SkipString(objectText, i);
                lineStart = false;
                continue;
            }

            if (lineStart && depth == 1 && KeyPattern().Match(objectText, i) is { Success: true } key && key.Index == i)
            {
                keys.Add(key.Groups["key"].Value);
            }

            depth += c switch { '{' or '[' or '(' => 1, '}' or ']' or ')' => -1, _ => 0 };
            lineStart = c == '\n' || (lineStart && char.IsWhiteSpace(c));
        }

        return keys;
    }

    private string ExpressionAt(int start) => ReadExpression(_text, start);

    private static string ReadExpression(string text, int start)
    {
        var depth = 0;
        var i = start;
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                i = SkipString(text, i);
            }
            else if (c is '{' or '[' or '(')
            {
                depth++;
            }
            else if (c is '}' or ']' or ')')
            {
                depth--;
                if (depth < 0)
                {
                    break;
                }
            }
            else if (c == '\n' && depth == 0)
            {
                break;
            }
        }

        return text[start..i];
    }

    /// <summary>
    /// Returns the index of the closing quote. Bicep escapes a quote as \' and has no '' doubling; an interpolation
    /// <c>${...}</c> may hold strings of its own.
    /// </summary>
    private static int SkipString(string text, int open)
    {
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                i = SkipInterpolation(text, i + 2);
            }
            else if (text[i] == '\'')
            {
                return i;
            }
        }

        throw new FormatException($"Unterminated string at {open}.");
    }

    /// <summary>Returns the index of the brace that closes an interpolation whose expression starts at <paramref name="start"/>.</summary>
    private static int SkipInterpolation(string text, int start)
    {
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\'':
                    i = SkipString(text, i);
                    break;
                case '{':
                    depth++;
                    break;
                case '}' when depth == 0:
                    return i;
                case '}':
                    depth--;
                    break;
            }
        }

        throw new FormatException($"Unterminated interpolation at {start}.");
    }

    private static string StripComments(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\'')
            {
                var end = SkipString(text, i);
                result.Append(text, i, end - i + 1);
                i = end;
            }
            else if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }

                result.Append('\n');
            }
            else if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                i = text.IndexOf("*/", i + 2, StringComparison.Ordinal) + 1;
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return result.ToString();
    }

    [GeneratedRegex(@"^param\s+(?<name>\w+)\s+\w+\??(?<default>\s*=)?", RegexOptions.Multiline)]
    private static partial Regex ParamPattern();

    [GeneratedRegex(@"^var\s+(?<name>\w+)\s*=", RegexOptions.Multiline)]
    private static partial Regex VarPattern();

    [GeneratedRegex(@"^module\s+(?<symbol>\w+)\s+'(?<path>[^']+)'\s*=\s*", RegexOptions.Multiline)]
    private static partial Regex ModulePattern();

    [GeneratedRegex(@"(?<key>\w+)\s*:")]
    private static partial Regex KeyPattern();
}
