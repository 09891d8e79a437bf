using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocBot.Catalog;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SocBot.Tests.Catalog;

/// <summary>The JSON Schema shipped for editors agrees with the catalog format, checked by a real validator (Ajv).</summary>
public sealed class CatalogSchemaTests
{
    [Fact]
    public async Task Schema_ShippedDefaultCatalog_IsValid()
    {
        var result = await ValidateAsync(CatalogLoader.ReadDefaultText());

        Assert.True(result.GetProperty("valid").GetBoolean(), result.GetProperty("errors").ToString());
    }

    [Fact]
    public async Task Schema_CatalogWithEveryOptionalPart_IsValid()
    {
        var text = CatalogLoader.ReadDefaultText()
            .Replace("  holidays: []", "  holidays: [2026-12-25]\n  teams:\n    csirt:\n      timeZone: America/New_York\n      due:\n        time: \"18:00\"\n        workingDaysAfterReminder: 1", StringComparison.Ordinal)
            .Replace("    source: 004_fb3de7e811f02793\n  - id: csirt", "    contacts:\n      - name: Ada\n        email: ada@example.com\n    entraGroupId: 8a0c6c55-56a4-4a4b-9d49-1c1b6a0f6f10\n    channel:\n      channelId: \"19:abc@thread.tacv2\"\n    source: 004_fb3de7e811f02793\n  - id: csirt", StringComparison.Ordinal)
            .Replace("    owner: monitoring\n    escalation: soc-oversight\n    source", "    owner: monitoring\n    escalation: soc-oversight\n    runbook: https://runbooks.example.com/secure-score\n    schedule:\n      cron: \"0 30 7 ? * TUE\"\n      dueAfter: \"08:00\"\n    source", StringComparison.Ordinal);
        Assert.Empty(CatalogLoader.Parse(text, "full.yaml").Errors);

        var result = await ValidateAsync(text);

        Assert.True(result.GetProperty("valid").GetBoolean(), result.GetProperty("errors").ToString());
    }

    [Fact]
    public async Task Schema_UnknownCadenceAndKey_AreReportedAtTheirPaths()
    {
        var text = CatalogLoader.ReadDefaultText()
            .Replace("cadence: Weekly\n", "cadence: Fortnightly\n", StringComparison.Ordinal)
            .Replace("  reminderTime: \"09:00\"", "  reminderTime: \"09:00\"\n  reminderColour: red", StringComparison.Ordinal);

        var result = await ValidateAsync(text);

        Assert.False(result.GetProperty("valid").GetBoolean());
        var paths = result.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToHashSet();
        Assert.Contains("/tasks/3/cadence", paths);
        Assert.Contains("/settings", paths);
    }

    private static async Task<JsonElement> ValidateAsync(string yaml)
    {
        NodeTools.Require("ajv/dist/2020.js");
        var script = RepoPaths.Combine("tests", "SocBot.Tests", "Catalog", "validate-catalog-schema.mjs");
        var run = await NodeTools.RunScriptAsync(script, [SeedFiles.SchemaPath], ToJson(yaml));
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement.Clone();
    }

    /// <summary>YAML to JSON with the YAML 1.2 core schema's reading of plain scalars (integers, booleans, null).</summary>
    private static string ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode)!.ToJsonString();
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value!, Convert(p.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(Convert).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when scalar.Value is null or "" or "null" or "~" => null,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } scalar => JsonValue.Create(scalar.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidOperationException($"Unexpected YAML node {node.NodeType}"),
    };
}
