namespace SocBot.Tests.Infra;

/// <summary>One App Service app setting as the compiled template gives it: its name and its evaluated value.</summary>
public sealed record AppServiceSetting(string Name, string Value)
{
    /// <summary>App Service spells the configuration separator ':' as '__'.</summary>
    public string ConfigurationKey => Name.Replace("__", ":", StringComparison.Ordinal);
}
