using System.Text.Json.Nodes;
using CivicConnect.Conversation.Dialogs;
using CivicConnect.Core.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace CivicConnect.Core.Tests.Dialogs;

public sealed class FileDialogCatalogTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dialogs-").FullName;

    public FileDialogCatalogTests()
    {
        foreach (var file in Directory.GetFiles(RepositoryPaths.Dialogs, "*.json"))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }
    }

    [Fact]
    public void Load_ShippedDialogs_HaveEveryMessageInEveryLanguage()
    {
        var set = DialogLoader.Load(RepositoryPaths.Dialogs);

        Assert.Equal(["en", "fr"], set.Locales.Keys.Order());
        Assert.Equal(set.Locales["en"].Messages.Keys.Where(k => !k.Contains('.', StringComparison.Ordinal)).Order(), set.Locales["fr"].Messages.Keys.Where(k => !k.Contains('.', StringComparison.Ordinal)).Order());
        Assert.NotEmpty(set.FollowUpsFor("pothole"));
    }

    [Fact]
    public async Task EditedWording_IsPickedUpWithoutARestart()
    {
        using var catalog = new FileDialogCatalog(directory, NullLogger<FileDialogCatalog>.Instance);
        Assert.StartsWith("Hi!", catalog.Current.Locales["en"].Messages["welcome"], StringComparison.Ordinal);

        Rewrite("en.json", json => json["messages"]!["welcome"] = "Hello from the supervisor's edit.");

        Assert.True(await EventuallyAsync(() => catalog.Current.Locales["en"].Messages["welcome"] == "Hello from the supervisor's edit."));
    }

    [Fact]
    public async Task BrokenEdit_KeepsThePreviousDialogs()
    {
        using var catalog = new FileDialogCatalog(directory, NullLogger<FileDialogCatalog>.Instance);
        var before = catalog.Current;

        await File.WriteAllTextAsync(Path.Combine(directory, "intake.json"), "{ not json");
        await Task.Delay(1000);

        Assert.Same(before, catalog.Current);
    }

    [Fact]
    public void Load_UnknownStepOrMissingTranslation_IsRefusedWithTheReason()
    {
        Rewrite("intake.json", json => json["steps"]!.AsArray().Add(new JsonObject { ["id"] = "horoscope" }));
        Rewrite("fr.json", json => json["messages"]!.AsObject().Remove("welcome"));

        var error = Assert.Throws<InvalidDataException>(() => DialogLoader.Load(directory));

        Assert.Contains("unknown step 'horoscope'", error.Message, StringComparison.Ordinal);
        Assert.Contains("fr.json: message 'welcome' is missing", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private void Rewrite(string file, Action<JsonNode> edit)
    {
        var path = Path.Combine(directory, file);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        for (var i = 0; i < 50 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        return condition();
    }
}
