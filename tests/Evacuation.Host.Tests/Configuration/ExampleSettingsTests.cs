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
        "Deliveries:PollInterval", "Deliveries:IdleInterval", "Drills:AllowWithLiveChannels");

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
}
