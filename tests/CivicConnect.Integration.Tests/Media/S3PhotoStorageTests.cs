using System.ComponentModel.DataAnnotations;
using System.Net;
using CivicConnect.Channels.Media;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Integration.Tests.Photos;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.Media;

/// <summary>
/// Photos in an S3-compatible object store (Media:Storage = S3), against a real S3 server on
/// loopback: two nodes on one database and one bucket, and a photo stored through one is served by the other.
/// </summary>
public sealed class S3PhotoStorageTests(S3PhotoStorageTests.TwoNodes nodes) : IClassFixture<S3PhotoStorageTests.TwoNodes>
{
    [Fact]
    public async Task Photo_StoredByOneNode_IsServedByTheOther()
    {
        var photo = SyntheticPhotos.Pothole(seed: 7);
        var objectsBefore = nodes.S3.ObjectCount();

        var stored = await nodes.First.Services.GetRequiredService<IMediaStore>().SaveImageAsync(new MemoryStream(photo), "pothole.jpg", CancellationToken.None);

        // The photo and its thumbnail went to the bucket, not to the node's folder.
        Assert.Equal(objectsBefore + 2, nodes.S3.ObjectCount());
        Assert.False(Directory.Exists(nodes.First.MediaRoot) && Directory.EnumerateFiles(nodes.First.MediaRoot, "*", SearchOption.AllDirectories).Any());

        using var other = nodes.Second.CreateClient();
        using var response = await other.GetAsync($"/media/{stored.Path}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        var served = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(stored.SizeBytes, served.Length);
        Assert.Equal(await nodes.First.Services.GetRequiredService<IMediaStore>().ReadAsync(stored.Path, CancellationToken.None), served);

        using var thumbnail = await other.GetAsync($"/media/{stored.ThumbnailPath}");
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
    }

    [Fact]
    public async Task Photo_DeletedByOneNode_IsGoneFromTheOther()
    {
        var store = nodes.First.Services.GetRequiredService<IMediaStore>();
        var stored = await store.SaveImageAsync(new MemoryStream(SyntheticPhotos.Graffiti(seed: 3)), null, CancellationToken.None);

        await store.DeleteAsync(stored, CancellationToken.None);

        using var other = nodes.Second.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/media/{stored.Path}")).StatusCode);
        Assert.Null(await nodes.Second.Services.GetRequiredService<IMediaStore>().ReadAsync(stored.ThumbnailPath!, CancellationToken.None));
    }

    [Theory]
    [InlineData("2026/11/25/nothing-here.jpg")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("2026/11/25/photo.exe")]
    public async Task Media_ThatIsNotAStoredPhoto_IsNotFound(string path)
    {
        using var client = nodes.Second.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/media/{path}")).StatusCode);
    }

    [Fact]
    public void Options_S3WithoutABucketOrWithHalfTheKeys_AreRefused()
    {
        var settings = new MediaOptions { Storage = MediaStorageKind.S3, S3 = new MediaS3Options { AccessKey = "key-only" } };

        var failures = settings.Validate(new ValidationContext(settings)).Select(r => r.ErrorMessage).ToList();

        Assert.Contains(failures, f => f!.Contains("Media:S3:Bucket", StringComparison.Ordinal));
        Assert.Contains(failures, f => f!.Contains("Media:S3:SecretKey", StringComparison.Ordinal));
    }

    /// <summary>One S3 server and two nodes that share it and the first node's database.</summary>
    public sealed class TwoNodes : IAsyncLifetime
    {
        public S3Server S3 { get; private set; } = null!;

        public NodeOnS3 First { get; private set; } = null!;

        public NodeOnS3 Second { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            S3 = await S3Server.StartAsync();
            First = new NodeOnS3(S3, sharedConnectionString: null);
            await First.InitializeAsync();
            Second = new NodeOnS3(S3, First.Database.ConnectionString);
        }

        public async Task DisposeAsync()
        {
            await Second.DisposeAsync();
            await First.DisposeAsync();
            await S3.DisposeAsync();
        }
    }

    /// <summary>A node whose photos live in the S3 server; its own media folder must stay empty.</summary>
    public sealed class NodeOnS3 : CivicAppFactory
    {
        private readonly string? sharedConnectionString;

        public NodeOnS3(S3Server s3, string? sharedConnectionString)
        {
            this.sharedConnectionString = sharedConnectionString;
            Settings["Media:Root"] = MediaRoot;
            foreach (var (key, value) in s3.MediaSettings)
            {
                Settings[key] = value;
            }
        }

        public string MediaRoot { get; } = Path.Combine(Path.GetTempPath(), "civic-media-unused-" + Guid.NewGuid().ToString("N")[..12]);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (sharedConnectionString is not null)
            {
                builder.UseSetting("ConnectionStrings:Civic", sharedConnectionString);
            }
        }
    }
}
