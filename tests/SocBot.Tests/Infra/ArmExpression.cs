using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SocBot.Tests.Infra;

/// <summary>
/// Evaluates the part of the ARM template expression language that bicep emits for our app settings: literals, member and
/// index access, and the functions below. Anything else is refused by name, so a test never guesses at a value.
/// </summary>
public static class ArmExpression
{
    /// <summary>True for a template string that is an expression: <c>[...]</c>, but not the <c>[[</c> escape of a literal.</summary>
    public static bool IsExpression(string text) => text.Length >= 2 && text[0] == '[' && text[^1] == ']' && text[1] != '[';

    public static JsonNode? Evaluate(string expression, IArmScope scope)
    {
        var parser = new Parser(IsExpression(expression) ? expression[1..^1] : expression);
        var tree = parser.ParseWhole();
        return Evaluate(tree, scope);
    }

    private static JsonNode? Evaluate(Node node, IArmScope scope) => node switch
    {
        Literal literal => literal.Value?.DeepClone(),
        Member member => (Evaluate(member.Target, scope) as JsonObject ?? throw new FormatException($"'.{member.Name}' on something that is not an object."))
            .TryGetPropertyValue(member.Name, out var value) ? value?.DeepClone() : throw new KeyNotFoundException($"No property '{member.Name}'."),
        Index index => Evaluate(index.Target, scope) switch
        {
            JsonArray array => array[(int)Number(Evaluate(index.Key, scope))]?.DeepClone(),
            JsonObject obj => obj[Text(Evaluate(index.Key, scope))]?.DeepClone(),
            _ => throw new FormatException("Index on something that is neither an array nor an object."),
        },
        Call call => Invoke(call, scope),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static JsonNode? Invoke(Call call, IArmScope scope)
    {
        JsonNode? Arg(int i) => Evaluate(call.Arguments[i], scope);
        IEnumerable<JsonNode?> All() => call.Arguments.Select(a => Evaluate(a, scope));

        return call.Name.ToLowerInvariant() switch
        {
            "parameters" => scope.Parameter(Text(Arg(0))),
            "variables" => scope.Variable(Text(Arg(0))),
            // Only the branch taken is evaluated, as ARM does for if().
            "if" => Bool(Arg(0)) ? Arg(1) : Arg(2),
            "empty" => Arg(0) switch
            {
                null => true,
                JsonArray array => array.Count == 0,
                JsonObject obj => obj.Count == 0,
                var value => Text(value).Length == 0,
            },
            "not" => !Bool(Arg(0)),
            "and" => All().All(Bool),
            "or" => All().Any(Bool),
            "equals" => JsonNode.DeepEquals(Arg(0), Arg(1)),
            "true" => true,
            "false" => false,
            "createarray" => new JsonArray([.. All()]),
            "createobject" => CreateObject(All().ToList()),
            "concat" => Concat(All().ToList()),
            "format" => Format(All().ToList()),
            "tolower" => Text(Arg(0)).ToLowerInvariant(),
            "toupper" => Text(Arg(0)).ToUpperInvariant(),
            "string" => Arg(0) is JsonValue v && v.TryGetValue<string>(out var s) ? s : Arg(0)?.ToJsonString(),
            _ => throw new NotSupportedException($"The ARM function '{call.Name}' is not one this evaluator knows."),
        };
    }

    private static JsonObject CreateObject(List<JsonNode?> args)
    {
        var result = new JsonObject();
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            result[Text(args[i])] = args[i + 1];
        }

        return result;
    }

    private static JsonNode Concat(List<JsonNode?> args)
    {
        if (args.Count > 0 && args.All(a => a is JsonArray))
        {
            return new JsonArray([.. args.SelectMany(a => a!.AsArray()).Select(e => e?.DeepClone())]);
        }

        return string.Concat(args.Select(Text));
    }

    private static string Format(List<JsonNode?> args)
    {
        var result = new StringBuilder(Text(args[0]));
        for (var i = 1; i < args.Count; i++)
        {
            result.Replace($"{{{i - 1}}}", Text(args[i]));
        }

        return result.ToString();
    }

    private static string Text(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
        null => "",
        _ => throw new FormatException($"Expected a string, found {node.ToJsonString()}."),
    };

    private static bool Bool(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<bool>(out var b) ? b : throw new FormatException($"Expected a bool, found {node?.ToJsonString() ?? "null"}.");

    private static long Number(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<long>(out var n) ? n : throw new FormatException($"Expected a number, found {node?.ToJsonString() ?? "null"}.");

    private abstract record Node;

    private sealed record Literal(JsonNode? Value) : Node;

    private sealed record Call(string Name, IReadOnlyList<Node> Arguments) : Node;

    private sealed record Member(Node Target, string Name) : Node;

    private sealed record Index(Node Target, Node Key) : Node;

    private sealed class Parser(string text)
    {
        private int _at;

        public Node ParseWhole()
        {
            var node = ParseExpression();
            SkipSpace();
            return _at == text.Length ? node : throw Error("end of expression");
        }

        private Node ParseExpression()
        {
            var node = ParsePrimary();
            while (true)
            {
                SkipSpace();
                if (TryRead('.'))
                {
                    node = new Member(node, ReadIdentifier());
                }
                else if (TryRead('['))
                {
                    var key = ParseExpression();
                    Expect(']');
                    node = new Index(node, key);
                }
                else
                {
                    return node;
                }
            }
        }

        private Node ParsePrimary()
        {
            SkipSpace();
            if (_at < text.Length && text[_at] == '\'')
            {
                return new Literal(ReadString());
            }

            if (_at < text.Length && (char.IsDigit(text[_at]) || text[_at] == '-'))
            {
                var start = _at++;
                while (_at < text.Length && char.IsDigit(text[_at]))
                {
                    _at++;
                }

                return new Literal(long.Parse(text[start.._at], CultureInfo.InvariantCulture));
            }

            var name = ReadIdentifier();
            Expect('(');
            var arguments = new List<Node>();
            SkipSpace();
            if (!TryRead(')'))
            {
                do
                {
                    arguments.Add(ParseExpression());
                    SkipSpace();
                }
                while (TryRead(','));
                Expect(')');
            }

            return new Call(name, arguments);
        }

        private string ReadString()
        {
            var result = new StringBuilder();
            for (_at++; _at < text.Length; _at++)
            {
                if (text[_at] != '\'')
                {
                    result.Append(text[_at]);
                }
                else if (_at + 1 < text.Length && text[_at + 1] == '\'')
                {
                    result.Append('\'');
                    _at++;
                }
                else
                {
                    _at++;
                    return result.ToString();
                }
            }

            throw Error("closing quote");
        }

        private string ReadIdentifier()
        {
            SkipSpace();
            var start = _at;
            while (_at < text.Length && (char.IsLetterOrDigit(text[_at]) || text[_at] == '_'))
            {
                _at++;
            }

            return _at > start ? text[start.._at] : throw Error("a name");
        }

        private bool TryRead(char c)
        {
            SkipSpace();
            if (_at < text.Length && text[_at] == c)
            {
                _at++;
                return true;
            }

            return false;
        }

        private void Expect(char c)
        {
            if (!TryRead(c))
            {
                throw Error($"'{c}'");
            }
        }

        private void SkipSpace()
        {
            while (_at < text.Length && text[_at] == ' ')
            {
                _at++;
            }
        }

        private FormatException Error(string expected) => new($"Expected {expected} at {_at} in '{text}'.");
    }
}
