using SocBot.Packaging;

namespace SocBot.Tests.Packaging;

public sealed class IconTests
{
    private static PngImage Load(string name) =>
        PngImage.Decode(File.ReadAllBytes(Path.Combine(PackagingFixture.ManifestDirectory, name)));

    [Fact]
    public void ColorIcon_Is192SquareAndOpaque()
    {
        var icon = Load(TeamsAppPackager.ColorIconFileName);

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        Assert.All(icon.Pixels(), p => Assert.Equal(255, p.A));
        Assert.True(icon.Pixels().Distinct().Count() > 2, "the colour icon should draw something");
    }

    [Fact]
    public void OutlineIcon_Is32SquareWhiteOnTransparent()
    {
        var icon = Load(TeamsAppPackager.OutlineIconFileName);

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        var visible = icon.Pixels().Where(p => p.A > 0).ToList();
        Assert.All(visible, p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
        Assert.InRange(visible.Count, 32, 32 * 32 / 2);
        Assert.Equal(0, icon[0, 0].A);
        Assert.Equal(0, icon[31, 31].A);
        Assert.Equal(0, icon[16, 9].A);
    }
}
