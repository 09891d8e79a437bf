using System.Globalization;

namespace SocBot.Storage.Filtering;

/// <summary>
/// Parses the OData filters <see cref="TableFilter"/> builds, so the SQLite store answers the same queries as Table Storage.
/// A filter it cannot read is refused with 400 InvalidInput, as the service would.
/// </summary>
internal sealed class FilterParser
{
    private readonly string _text;
    private int _position;

    private FilterParser(string text) => _text = text;

    public static FilterNode Parse(string filter)
    {
        var parser = new FilterParser(filter);
        var node = parser.ParseOr();
        parser.SkipSpaces();
        if (parser._position != filter.Length)
        {
            throw parser.Error("unexpected text");
        }

        return node;
    }

    private FilterNode ParseOr()
    {
        var left = ParseAnd();
        while (TryKeyword("or"))
        {
            left = new OrNode(left, ParseAnd());
        }

        return left;
    }

    private FilterNode ParseAnd()
    {
        var left = ParseUnary();
        while (TryKeyword("and"))
        {
            left = new AndNode(left, ParseUnary());
        }

        return left;
    }

    private FilterNode ParseUnary()
    {
        if (TryKeyword("not"))
        {
            return new NotNode(ParseUnary());
        }

        SkipSpaces();
        if (Peek() == '(')
        {
            _position++;
            var inner = ParseOr();
            SkipSpaces();
            if (Peek() != ')')
            {
                throw Error("')' expected");
            }

            _position++;
            return inner;
        }

        return ParseComparison();
    }

    private FilterNode ParseComparison()
    {
        var left = ParseOperand();
        var op = ParseOperator();
        var right = ParseOperand();
        return (left, right) switch
        {
            (Property l, Literal r) => new ComparisonNode(l.Name, op, r.Value),
            (Literal l, Property r) => new ComparisonNode(r.Name, Mirror(op), l.Value),
            _ => throw Error("a comparison needs one property and one value"),
        };
    }

    private FilterOperator ParseOperator()
    {
        SkipSpaces();
        var word = ReadWord();
        return word switch
        {
            "eq" => FilterOperator.Equal,
            "ne" => FilterOperator.NotEqual,
            "gt" => FilterOperator.GreaterThan,
            "ge" => FilterOperator.GreaterThanOrEqual,
            "lt" => FilterOperator.LessThan,
            "le" => FilterOperator.LessThanOrEqual,
            _ => throw Error($"comparison operator expected, found '{word}'"),
        };
    }

    private object ParseOperand()
    {
        SkipSpaces();
        var c = Peek();
        if (c == '\'')
        {
            return new Literal(ReadQuoted());
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            return new Literal(ReadNumber());
        }

        var word = ReadWord();
        if (word.Length == 0)
        {
            throw Error("property or value expected");
        }

        if (Peek() == '\'')
        {
            var text = ReadQuoted();
            return new Literal(word switch
            {
                "datetime" => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                "guid" => Guid.Parse(text),
                "X" or "binary" => Convert.FromHexString(text),
                _ => throw Error($"unknown literal type '{word}'"),
            });
        }

        return word switch
        {
            "true" => new Literal(true),
            "false" => new Literal(false),
            _ => new Property(word),
        };
    }

    private string ReadQuoted()
    {
        _position++;
        var builder = new System.Text.StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("unterminated string");
            }

            var c = _text[_position++];
            if (c != '\'')
            {
                builder.Append(c);
            }
            else if (Peek() == '\'')
            {
                builder.Append('\'');
                _position++;
            }
            else
            {
                return builder.ToString();
            }
        }
    }

    private object ReadNumber()
    {
        var start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        while (_position < _text.Length && (char.IsAsciiDigit(_text[_position]) || _text[_position] is '.' or 'E' or 'e' or '+' or '-'))
        {
            _position++;
        }

        var text = _text[start.._position];
        if (Peek() == 'L')
        {
            _position++;
            return long.Parse(text, CultureInfo.InvariantCulture);
        }

        if (text.IndexOfAny(['.', 'E', 'e']) >= 0)
        {
            return double.Parse(text, CultureInfo.InvariantCulture);
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
            ? i
            : long.Parse(text, CultureInfo.InvariantCulture);
    }

    private bool TryKeyword(string keyword)
    {
        SkipSpaces();
        var end = _position + keyword.Length;
        if (end <= _text.Length
            && string.CompareOrdinal(_text, _position, keyword, 0, keyword.Length) == 0
            && (end == _text.Length || !IsWordChar(_text[end])))
        {
            _position = end;
            return true;
        }

        return false;
    }

    private string ReadWord()
    {
        var start = _position;
        while (_position < _text.Length && IsWordChar(_text[_position]))
        {
            _position++;
        }

        return _text[start.._position];
    }

    private void SkipSpaces()
    {
        while (_position < _text.Length && _text[_position] == ' ')
        {
            _position++;
        }
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static FilterOperator Mirror(FilterOperator op) => op switch
    {
        FilterOperator.GreaterThan => FilterOperator.LessThan,
        FilterOperator.GreaterThanOrEqual => FilterOperator.LessThanOrEqual,
        FilterOperator.LessThan => FilterOperator.GreaterThan,
        FilterOperator.LessThanOrEqual => FilterOperator.GreaterThanOrEqual,
        _ => op,
    };

    private TableStorageException Error(string problem) =>
        new(400, TableErrorCode.InvalidInput, $"The filter \"{_text}\" could not be parsed at position {_position}: {problem}.");

    private sealed record Property(string Name);

    private sealed record Literal(object Value);
}
