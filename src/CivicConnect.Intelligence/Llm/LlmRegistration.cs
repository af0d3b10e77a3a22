using CivicConnect.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Polly;

namespace CivicConnect.Intelligence.Llm;

public static class LlmRegistration
{
    /// <summary>
    /// The LLM classifier (over the embedded one) and its evaluation, registered only when an
    /// endpoint and model are configured. Returns whether they were, so <c>AddClassification</c>
    /// puts it in the chain.
    /// </summary>
    public static bool AddLlmClassifier(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<LlmOptions>(LlmOptions.SectionName);
        var configured = builder.Configuration.GetSection(LlmOptions.SectionName).Get<LlmOptions>();
        if (configured?.Enabled != true)
        {
            return false;
        }

        builder.Services.AddSingleton<LlmChat>();
        builder.Services.AddSingleton<LlmClassifier>();
        builder.Services.AddSingleton<LlmCallBudget>();
        builder.Services.AddSingleton<LlmEvaluation>();
        builder.Services
            .AddHttpClient(LlmChat.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan) // the pipeline owns the timeout
            .AddResilienceHandler(LlmChat.HttpClientName, (pipeline, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<LlmOptions>>().Value;

                // Wall-clock time: a fake clock in tests must not decide when a slow model is given up on.
                pipeline.TimeProvider = TimeProvider.System;

                // No retry: a 429 or 5xx falls back to the embedded answer at once, the citizen does not wait.
                pipeline.AddTimeout(TimeSpan.FromSeconds(settings.TimeoutSeconds));
            });
        return true;
    }
}
