using Microsoft.Extensions.Configuration;

namespace Evacuation.Host.Tests.Configuration;

public sealed class ExampleSettingsTests
{
    public static TheoryData<string> ContractKeys => new(
        "ConnectionStrings:Evacuation", "Storage:Provider",
        "Telegram:BotToken", "Telegram:ApiBaseUrl", "Telegram:Updates", "Telegram:WebhookSecret", "Telegram:WebhookUrl", "Telegram:MessagesPerSecond",
        "Twilio:AccountSid", "Twilio:AuthToken", "Twilio:FromNumber", "Twilio:MessagingServiceSid", "Twilio:ApiBaseUrl", "Twilio:PublicBaseUrl", "Twilio:SegmentsPerSecond",
        "Citizens:DefaultRegion", "Operators:ApiKeys:0:Name", "Operators:ApiKeys:0:Key", "Operators:ApiKeys:0:Role",
        "Reminders:Cron", "Reminders:MinimumInterval", "Reminders:OnTheWayInterval", "Reminders:MaxReminders",
        "Broadcasts:MaxLateness", "Broadcasts:MaxAhead", "Broadcasts:ApprovalThreshold", "Broadcasts:ApprovalWindow", "Routes:File",
        "Messages:SenderName", "Messages:SenderNames:he", "Messages:Hotline",
        "Deliveries:PollInterval", "Deliveries:IdleInterval", "Drills:AllowWithLiveChannels",
        "Cluster:NodeName", "Cluster:Heartbeat", "Cluster:RoleLease", "Cluster:CrossingRefresh", "Metrics:AllowAnonymous", "Logging:Format",
        "Web:PublicBaseUrl", "Limits:PerLinkPerMinute");

    static readonly IConfigurationRoot Example = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(StartupPaths.RepositoryRoot(), "appsettings.example.json"), optional: false)
        .Build();

    [Theory]
    [MemberData(nameof(ContractKeys))]
    public void The_example_settings_document_every_contract_key(string key) =>
        Assert.NotNull(Example[key]);

    [Fact]
    public void The_example_settings_hold_placeholders_not_secrets()
    {
        Assert.Matches("^<.*>$", Example["Twilio:AuthToken"]!);
        Assert.Matches("^AC x*$".Replace(" ", "", StringComparison.Ordinal), Example["Twilio:AccountSid"]!);
        Assert.All(Example.GetSection("Operators:ApiKeys").GetChildren(), k => Assert.Matches("^<.*>$", k["Key"]!));
    }

    /// <summary>A copied example must not start: each placeholder it holds is refused by the check of its section.</summary>
    [Fact]
    public void Every_placeholder_in_the_example_is_refused_at_start()
    {
        var placeholders = Example.AsEnumerable().Where(p => Core.Operators.KeySecrets.IsPlaceholder(p.Value)).Select(p => p.Key).Order().ToList();
        Assert.Equal(["Operators:ApiKeys:0:Key", "Operators:ApiKeys:1:Key", "Operators:ApiKeys:2:Key", "Telegram:WebhookSecret", "Twilio:AuthToken"], placeholders);

        var operators = Example.GetSection("Operators").Get<Host.Operators.OperatorsOptions>()!;
        var telegram = Example.GetSection("Telegram").Get<Evacuation.Channels.Telegram.TelegramOptions>()!;
        var twilio = Example.GetSection("Twilio").Get<Evacuation.Channels.Twilio.TwilioOptions>()!;
        var failures = new Host.Operators.OperatorsOptions.Validator().Validate(null, operators).Failures!
            .Concat(new Evacuation.Channels.Telegram.TelegramOptionsValidator().Validate(null, telegram).Failures!)
            .Concat(new Evacuation.Channels.Twilio.TwilioOptionsValidator().Validate(null, twilio).Failures!)
            .ToList();
        Assert.All(placeholders, key => Assert.Contains(failures, f => f.StartsWith(key + " is the placeholder from appsettings.example.json", StringComparison.Ordinal)));
    }
}
