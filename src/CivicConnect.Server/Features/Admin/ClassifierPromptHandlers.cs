using System.Security.Claims;
using CivicConnect.Core.Security;
using CivicConnect.Intelligence.Tuning;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicConnect.Server.Features.Admin;

internal static class ClassifierPromptHandlers
{
    public static async Task<Ok<PromptView>> Get(ClassifierTuning tuning, CancellationToken cancellationToken)
    {
        var working = await tuning.WorkingVersionAsync(cancellationToken);
        return TypedResults.Ok(new PromptView(working.Id, ClassifierSnapshot.FromJson(working.Snapshot).Definition.PromptTemplate));
    }

    public static async Task<Ok<VersionView>> Put(PromptEdit body, ClaimsPrincipal user, ClassifierEditor editor, CancellationToken cancellationToken) =>
        TypedResults.Ok(VersionView.From(await editor.SetPromptAsync(CivicClaims.ActorOf(user), body.Template, cancellationToken)));
}
