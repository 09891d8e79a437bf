using System.Text.Json.Nodes;

namespace SocBot.Tests.Infra;

/// <summary>A compiled ARM template (bicep's output): its parameters, resources and the nested templates of its modules.</summary>
public sealed class ArmTemplate
{
    private readonly JsonObject _template;

    private ArmTemplate(JsonObject template)
    {
        _template = template;
    }

    public static ArmTemplate Load(string path) =>
        new(JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new FormatException($"{path} is not a JSON object."));

    /// <summary>Declared parameters and whether each has a default value.</summary>
    public IReadOnlyDictionary<string, bool> Parameters =>
        Section("parameters").ToDictionary(p => p.Key, p => p.Value!.AsObject().ContainsKey("defaultValue"));

    public IReadOnlyList<JsonObject> Resources =>
        _template["resources"] is JsonArray resources
            ? resources.Select(r => r!.AsObject()).ToList()
            : throw new NotSupportedException("Only templates with a resources array are read (bicep's default output).");

    /// <summary>The resource types this template and its modules' templates declare, modules themselves left out.</summary>
    public IReadOnlyList<string> ResourceTypesDeep =>
        Resources.SelectMany(r => IsModule(r) ? Module(r).ResourceTypesDeep : [Type(r)]).ToList();

    /// <summary>The module deployments in declaration order.</summary>
    public IReadOnlyList<string> ModuleNames => Resources.Where(IsModule).Select(r => (string)r["name"]!).ToList();

    public ArmTemplate Module(string name) => Module(Deployment(name));

    /// <summary>The parameter values a module deployment passes, as written (unevaluated) in this template.</summary>
    public IReadOnlyDictionary<string, string> ModuleParameterExpressions(string name) =>
        Deployment(name)["properties"]!["parameters"]!.AsObject()
            .ToDictionary(p => p.Key, p => (p.Value is JsonObject o ? o["value"] : p.Value) switch
            {
                JsonValue value when value.TryGetValue<string>(out var text) => text,
                var other => other!.ToJsonString(),
            });

    public JsonObject SingleResource(string type) => Resources.Single(r => Type(r) == type);

    /// <summary>Evaluates a node of this template (expressions in its strings included) with the given parameter values.</summary>
    public JsonNode? Evaluate(JsonNode? node, IReadOnlyDictionary<string, JsonNode?> parameterValues) =>
        Evaluate(node, new Scope(this, parameterValues));

    private static JsonNode? Evaluate(JsonNode? node, IArmScope scope) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Evaluate(p.Value, scope)))),
        JsonArray array => new JsonArray([.. array.Select(e => Evaluate(e, scope))]),
        JsonValue value when value.TryGetValue<string>(out var text) && ArmExpression.IsExpression(text) => ArmExpression.Evaluate(text, scope),
        _ => node?.DeepClone(),
    };

    private static bool IsModule(JsonObject resource) => Type(resource) == "Microsoft.Resources/deployments";

    private static string Type(JsonObject resource) => (string)resource["type"]!;

    private static ArmTemplate Module(JsonObject deployment) => new(deployment["properties"]!["template"]!.AsObject());

    private JsonObject Deployment(string name) => Resources.Single(r => IsModule(r) && (string)r["name"]! == name);

    private JsonObject Section(string name) => _template[name] as JsonObject ?? [];

    private sealed class Scope(ArmTemplate template, IReadOnlyDictionary<string, JsonNode?> parameterValues) : IArmScope
    {
        public JsonNode? Parameter(string name)
        {
            if (parameterValues.TryGetValue(name, out var value))
            {
                return value?.DeepClone();
            }

            var declared = template.Section("parameters")[name] ?? throw new KeyNotFoundException($"The template declares no parameter '{name}'.");
            return declared["defaultValue"] is { } defaultValue
                ? Evaluate(defaultValue, this)
                : throw new KeyNotFoundException($"No value given for the parameter '{name}', which has no default.");
        }

        public JsonNode? Variable(string name) =>
            template.Section("variables").TryGetPropertyValue(name, out var value)
                ? Evaluate(value, this)
                : throw new KeyNotFoundException($"The template declares no variable '{name}'.");
    }
}
