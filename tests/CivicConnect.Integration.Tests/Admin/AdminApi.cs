using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CivicConnect.Integration.Tests.Admin;

/// <summary>Calls to <c>/admin/classifier</c> as a supervisor's tool makes them, reading the JSON answers.</summary>
public sealed class AdminApi
{
    public AdminApi(HttpClient http)
    {
        // The first call for a new definition builds its model (embeds every example): slow on a busy machine.
        http.Timeout = TimeSpan.FromMinutes(5);
        Http = http;
    }

    public HttpClient Http { get; }

    public async Task<JsonElement> AddExamplesAsync(string category, params string[] texts)
    {
        using var response = await Http.PostAsJsonAsync("/admin/classifier/examples", new { examples = texts.Select(t => new { text = t, category, locale = "en" }) });
        return await ReadAsync(response, 201);
    }

    public async Task<JsonElement> TryAsync(string text, string? version = null)
    {
        using var response = await Http.PostAsJsonAsync("/admin/classifier/classify", new { text, version });
        return await ReadAsync(response, 200);
    }

    public async Task<JsonElement> PublishAsync()
    {
        using var response = await Http.PostAsync("/admin/classifier/draft/publish", null);
        return await ReadAsync(response, 200);
    }

    public async Task<JsonElement> RollbackAsync(int version)
    {
        using var response = await Http.PostAsync($"/admin/classifier/versions/{version}/rollback", null);
        return await ReadAsync(response, 200);
    }

    public async Task<JsonElement> UploadPhotoAsync(string category, byte[] photo, string fileName = "photo.jpg")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(category), "category");
        using var response = await Http.PostAsync("/admin/classifier/photos", form);
        return await ReadAsync(response, 201);
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        return await ReadAsync(response, 200);
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, int expectedStatus)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"Expected {expectedStatus}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
