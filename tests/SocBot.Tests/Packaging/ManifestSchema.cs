using System.Text.Json;
using SocBot.Testing;

namespace SocBot.Tests.Packaging;

/// <summary>Runs tools/manifest/validate-manifest.mjs, which checks against the official schema in npm @microsoft/app-manifest.</summary>
internal static class ManifestSchema
{
    public static async Task<JsonElement> ValidateAsync(string manifestJson)
    {
        NodeTools.Require(Path.Combine("@microsoft", "app-manifest", "build", "json-schemas", "teams"));
        NodeTools.Require("ajv-draft-04");
        NodeTools.Require("ajv-formats");
        var run = await NodeTools.RunScriptAsync(RepoPaths.Combine("tools", "manifest", "validate-manifest.mjs"), [], manifestJson);
        Assert.True(run.ExitCode is 0 or 1, $"validate-manifest.mjs exited {run.ExitCode}: {run.Stderr}");
        var result = JsonDocument.Parse(run.Stdout).RootElement.Clone();
        Assert.Equal(run.ExitCode == 0, result.GetProperty("ok").GetBoolean());
        return result;
    }

    public static IEnumerable<string> ErrorPaths(JsonElement result) =>
        result.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("instancePath").GetString() ?? "");
}
