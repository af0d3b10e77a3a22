using System.Xml.Linq;
using CivicConnect.Core.Hosting;

namespace CivicConnect.Conversation.Tests;

public sealed class ProjectReferencesTests
{
    [Fact]
    public void ConversationProject_ReferencesCoreOnly()
    {
        // The engine sees its own ports and Core: never Data, Geo, Intelligence (EF Core, ONNX, Semantic Kernel) or ASP.NET Core.
        var project = XDocument.Load(Path.Combine(RepositoryPaths.RootDirectory, "src", "CivicConnect.Conversation", "CivicConnect.Conversation.csproj"));

        var references = project.Descendants("ProjectReference").Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')));
        var frameworks = project.Descendants("FrameworkReference").Select(r => r.Attribute("Include")!.Value);

        Assert.Equal(["CivicConnect.Core"], references);
        Assert.Empty(frameworks);
    }
}
