using CivicConnect.Channels;
using CivicConnect.Channels.Alerts;
using CivicConnect.Channels.CitizenPush;
using CivicConnect.Channels.DirectLine;
using CivicConnect.Channels.Twilio;
using CivicConnect.Channels.WhatsAppCloud;
using CivicConnect.Conversation;
using CivicConnect.Conversation.Adapters;
using CivicConnect.Data;
using CivicConnect.Geo;
using CivicConnect.Intelligence;
using CivicConnect.Messaging;
using CivicConnect.Server.Commands;
using CivicConnect.Server.Composition;
using CivicConnect.Server.Features.Account;
using CivicConnect.Server.Features.Admin;
using CivicConnect.Server.Features.Analytics;
using CivicConnect.Server.Features.AppApi;
using CivicConnect.Server.Features.Categories;
using CivicConnect.Server.Features.Events;
using CivicConnect.Server.Features.HandOffs;
using CivicConnect.Server.Features.Hotspots;
using CivicConnect.Server.Features.Issues;
using CivicConnect.Server.Features.Map;
using CivicConnect.Server.Features.Open311;
using CivicConnect.Server.Features.Outbox;
using CivicConnect.Server.Features.Privacy;
using CivicConnect.Server.Features.PublicStatus;
using CivicConnect.Server.Features.Routing;
using CivicConnect.Server.Features.StaffConsole;
using CivicConnect.Server.Features.Wards;
using CivicConnect.Server.Features.WebChat;
using CivicConnect.Server.Health;
using CivicConnect.Server.Hosting;
using CivicConnect.Server.Security;
using CivicConnect.Workflow;

// `civic help` and unknown command words are answered without composing anything (no database needed).
if (CivicCommands.AnswerWithoutComposition(args) is { } answered)
{
    return answered;
}

var builder = WebApplication.CreateBuilder(args);

builder.AddRepositoryConfiguration();
builder.AddServiceDefaults();
builder.AddTrustedProxies();
builder.AddStaffAuth();
builder.AddConsoleAuth();
builder.AddData();
builder.AddGeo();
builder.AddDuplicateRanking();
builder.AddClassification();
builder.AddConversation();
builder.AddConversationAdapters();
builder.AddWorkflow();
builder.AddMessaging();
builder.AddChannels();
builder.AddDirectLine();
builder.AddTwilioChannel();
builder.AddWhatsAppCloudChannel();
builder.AddAlertChannels();
builder.AddCitizenPush();
builder.AddClassifierTuning();
builder.AddOpen311();
builder.AddPrivacy();
builder.AddPublicStatus();
builder.AddAppOpenApi();
builder.AddConsole();

// `civic migrate | seed | wards import …` run against the same composition, then exit.
var isCommand = CivicCommands.IsCommand(args);
if (isCommand)
{
    builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Critical);
}

var app = builder.Build();
if (isCommand)
{
    return await CivicCommands.RunAsync(app, args);
}

app.UseTrustedProxies();
app.UseServiceDefaults();
app.UseStaffAuth();
app.UseWebChat();
app.UseConsole();

app.MapHealth();
app.MapAccount();
app.MapWards();
app.MapCategories();
app.MapHotspots();
app.MapDirectLine();
app.MapCitizenPush();
app.MapTwilioChannel();
app.MapWhatsAppCloudChannel();
app.MapOutboxAdmin();
app.MapPrivacyAdmin();
app.MapPublicStatus();
app.MapAdminClassifier();
app.MapIssues();
app.MapOpen311();
app.MapRoutingAdmin();
app.MapEventSubscribers();
app.MapAnalytics();
app.MapHandOffs();
app.MapStaffMap();
app.MapConsole();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can start the real app with WebApplicationFactory.</summary>
public partial class Program;
