using Evacuation.Host.Api;
using Evacuation.Host.Approvals;
using Evacuation.Host.Broadcasts;
using Evacuation.Host.Cases;
using Evacuation.Host.CheckIn;
using Evacuation.Host.Channels;
using Evacuation.Host.Citizens;
using Evacuation.Host.Cluster;
using Evacuation.Host.Configuration;
using Evacuation.Host.Dashboard;
using Evacuation.Host.Deliveries;
using Evacuation.Host.Drills;
using Evacuation.Host.Health;
using Evacuation.Host.Limits;
using Evacuation.Host.Metrics;
using Evacuation.Host.Operators;
using Evacuation.Host.Proxy;
using Evacuation.Host.Reminders;
using Evacuation.Host.Replies;
using Evacuation.Host.Reports;
using Evacuation.Host.Routes;
using Evacuation.Host.Schedules;
using Evacuation.Host.Stats;
using Evacuation.Host.Storage;
using Evacuation.Host.Telegram;
using Evacuation.Host.Twilio;

try
{
    var builder = WebApplication.CreateBuilder(ContentRoot.For(args));
    builder.Host.UseDefaultServiceProvider(o => { o.ValidateOnBuild = true; o.ValidateScopes = true; });
    builder.Services.AddSingleton(TimeProvider.System);

    // What the service is made of.
    builder.AddApiConventions();
    builder.AddProxy();
    builder.AddStorage();
    builder.AddCluster();
    builder.AddOperators();
    builder.AddLimits();
    builder.AddRoutes();
    builder.AddMessages();
    builder.AddCitizenRegistry();
    builder.AddTelegram();
    builder.AddTwilio();
    builder.AddDeliveries();
    builder.AddReplies();
    builder.AddScheduler();
    builder.AddReminders();
    builder.AddSchedules();
    builder.AddDrills();
    builder.AddCases();
    builder.AddApprovals();
    builder.AddMetrics();
    builder.AddStats();
    builder.AddCheckIn();

    var app = builder.Build();

    // Before the first request: every setting checked, then the crossings, the database schema and the operator keys.
    app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
    app.LoadRoutes();
    await app.PrepareDatabaseAsync();
    await app.JoinClusterAsync();
    await app.LoadCrossingStatesAsync();
    await app.LoadKeysAsync();

    // What it answers.
    app.UseProxy();
    app.UseApiConventions();
    app.MapHealth();
    app.MapMetrics();
    app.MapOperators();
    app.MapKeys();
    app.MapCitizens();
    app.MapInvitations();
    app.MapStats();
    app.MapReports();
    app.MapBroadcasts();
    app.MapApprovals();
    app.MapCases();
    app.MapCrossings();
    app.MapReplies();
    app.MapReminders();
    app.MapTelegram();
    app.MapTwilio();
    app.MapDashboard();
    app.MapDrills();
    app.MapCheckIn();
    app.MapCheckInLinks();

    app.LogChannelModes();
    await app.CheckPaidBroadcastAsync();
    app.LogDashboardAddress();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartupFailure.Describe(e) is { } line)
{
    // A configuration mistake: one line that names the key, not a stack trace.
    await Console.Error.WriteLineAsync(line);
    return 1;
}

/// <summary>The service's entry point; public so the tests' WebApplicationFactory can find it.</summary>
public partial class Program;
