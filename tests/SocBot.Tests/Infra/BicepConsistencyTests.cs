using System.Text.Json;

namespace SocBot.Tests.Infra;

/// <summary>What the Bicep compiler would catch first, checked without it: parameters and module params line up.</summary>
public sealed class BicepConsistencyTests
{
    [Fact]
    public void ParametersFile_EveryParameter_IsDeclaredAndRequiredOnesAreGiven()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(InfraFiles.ParametersPath));
        var given = file.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToList();
        var declared = InfraFiles.Main.Parameters;

        Assert.All(given, name => Assert.Contains(name, declared.Keys));
        Assert.All(declared.Where(p => !p.Value).Select(p => p.Key), name => Assert.Contains(name, given));
    }

    [Fact]
    public void ModuleCalls_Main_PassEveryRequiredParameterAndNoUnknownOne()
    {
        var calls = InfraFiles.Main.ModuleCalls;

        Assert.Equal(["storage", "monitoring", "app", "bot"], calls.Select(c => c.Symbol));
        Assert.All(calls, call =>
        {
            var declared = BicepText.Load("infra", call.Path).Parameters;
            Assert.Empty(declared.Where(p => !p.Value).Select(p => p.Key).Except(call.Params));
            Assert.Empty(call.Params.Except(declared.Keys));
        });
    }

    [Fact]
    public void ModuleCalls_NestedObjectsAndLists_OnlyTopLevelParamsRead()
    {
        var main = BicepText.Parse("""
            module app 'modules/app.bicep' = {
              name: 'app'
              params: {
                name: 'x'
                nested: {
                  inner: 1
                }
                list: [
                  'a'
                ]
              }
            }
            """);

        var call = Assert.Single(main.ModuleCalls);

        Assert.Equal(["name", "nested", "list"], call.Params);
    }

    [Fact]
    public void Parameters_DefaultsAndComments_Read()
    {
        var text = BicepText.Parse("""
            // param commented string
            @minLength(3)
            param baseName string
            param location string = resourceGroup().location
            /* param hidden int = 1 */
            param tags object?
            var note = 'param quoted string // not a comment'
            var name = 'st${toLower(replace(baseName, '-', ''))}${suffix}'
            """);

        Assert.Equal(new Dictionary<string, bool> { ["baseName"] = false, ["location"] = true, ["tags"] = false }, text.Parameters);
        Assert.Equal("'param quoted string // not a comment'", text.Variables["note"]);
        Assert.Equal("'st${toLower(replace(baseName, '-', ''))}${suffix}'", text.Variables["name"]);
    }
}
