namespace SocBot.Tests.Infra;

/// <summary>One App Service app setting as written in Bicep: its name and its value expression.</summary>
public sealed record BicepAppSetting(string Name, string ValueExpression)
{
    /// <summary>App Service spells the configuration separator ':' as '__'.</summary>
    public string ConfigurationKey => Name.Replace("__", ":", StringComparison.Ordinal);
}
