using CivicConnect.Core.Security;
using CivicConnect.Integration.Tests.DirectLine;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Intelligence.Classification;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.Admin;

public sealed class ClassifierVersionNodeTests(DirectLineAppFactory app) : IClassFixture<DirectLineAppFactory>
{
    private const string NewWording = "my snorfle is all gribbled up";

    [Fact]
    public async Task Publish_OnOneNode_IsUsedByAnotherNodesNextMessage_WithoutRestart()
    {
        var otherNode = new SecondNodeFactory(app);
        try
        {
            var other = otherNode.Services.GetRequiredService<IClassifier>();
            var beforePublish = await other.ClassifyAsync(new ClassificationInput(NewWording, "en", []), CancellationToken.None);
            Assert.NotEqual("animal", beforePublish.CategoryCode);

            var admin = new AdminApi(app.CreateClientAs(CivicRoles.Supervisor));
            await admin.AddExamplesAsync("animal", "a snorfle got gribbled in the back lane", "gribbled snorfle lying on the road", "there's a gribbled snorfle by the curb");
            await admin.PublishAsync();

            var afterPublish = await other.ClassifyAsync(new ClassificationInput(NewWording, "en", []), CancellationToken.None);
            Assert.Equal("animal", afterPublish.CategoryCode);
        }
        finally
        {
            await otherNode.DisposeAsync();
        }
    }
}
