using MudBlazor;

namespace CivicConnect.Staff.Layout;

/// <summary>
/// Colours chosen for contrast (WCAG AA, 4.5:1 for text): the default MudBlazor palette's
/// secondary and info shades are too light on white for body text.
/// </summary>
internal static class ConsoleTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#8a1c3a",
            Info = "#0b5cad",
            Success = "#1b6b30",
            Warning = "#8a5300",
            Error = "#b00020",
            AppbarBackground = "#1f4e79",
            TextSecondary = "rgba(0,0,0,0.70)",
            ActionDefault = "rgba(0,0,0,0.70)",
        },
    };
}
