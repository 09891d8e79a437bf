using System.Text.Json.Nodes;

namespace SocBot.Tests.Infra;

public sealed class ArmExpressionTests
{
    private const string OptionalSetting =
        "[if(empty(parameters('catalogPath')), createArray(), createArray(createObject('name', 'SocBot__CatalogPath', 'value', parameters('catalogPath'))))]";

    [Fact]
    public void Evaluate_IfEmptyWithValue_TakesTheArrayWithTheSetting()
    {
        var result = ArmExpression.Evaluate(OptionalSetting, new Values(new() { ["catalogPath"] = "/home/catalog.yaml" }));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[{"name":"SocBot__CatalogPath","value":"/home/catalog.yaml"}]"""), result));
    }

    [Fact]
    public void Evaluate_IfEmptyWithEmptyString_TakesTheEmptyArray()
    {
        var result = ArmExpression.Evaluate(OptionalSetting, new Values(new() { ["catalogPath"] = "" }));

        Assert.Equal("[]", result!.ToJsonString());
    }

    [Fact]
    public void Evaluate_FormatWithDoubledQuote_Unescaped()
    {
        var result = ArmExpression.Evaluate("[format('it''s {0}-{1}', 'app', parameters('name'))]", new Values(new() { ["name"] = "socbot" }));

        Assert.Equal("it's app-socbot", (string)result!);
    }

    [Fact]
    public void Evaluate_ConcatOfVariables_JoinsTheArrays()
    {
        var scope = new Values(new(), new() { ["a"] = new JsonArray(1, 2), ["b"] = new JsonArray(3) });

        var result = ArmExpression.Evaluate("[concat(variables('a'), variables('b'))]", scope);

        Assert.Equal("[1,2,3]", result!.ToJsonString());
    }

    [Fact]
    public void Evaluate_FunctionItDoesNotKnow_RefusedByName()
    {
        var error = Assert.Throws<NotSupportedException>(() => ArmExpression.Evaluate("[reference('x', '2023-01-31').clientId]", new Values(new())));

        Assert.Contains("'reference'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[parameters('a')]", true)]
    [InlineData("[[not an expression]", false)]
    [InlineData("plain", false)]
    public void IsExpression_TemplateString_TellsExpressionsFromLiterals(string text, bool expected)
    {
        Assert.Equal(expected, ArmExpression.IsExpression(text));
    }

    private sealed class Values(Dictionary<string, JsonNode?> parameters, Dictionary<string, JsonNode?>? variables = null) : IArmScope
    {
        public JsonNode? Parameter(string name) => parameters[name]?.DeepClone();

        public JsonNode? Variable(string name) => variables![name]?.DeepClone();
    }
}
