namespace Evacuation.Data;

/// <summary>
/// Run once by the migration that adds help cases: every citizen who had already asked for help gets an open case,
/// so nobody waiting at the upgrade drops off the operators' list. Plain SQL that both providers read alike.
/// </summary>
public static class HelpCaseBackfill
{
    public const string Sql = """
        INSERT INTO help_cases ("CitizenId", "Channel", "State", "StateSince", "OpenedAt", "Requests", "LastRequestAt", "UpdatedAt", "Version")
        SELECT "Id", CASE WHEN "TelegramChatId" IS NOT NULL THEN 'Telegram' ELSE 'Sms' END, 'Open',
               COALESCE("EscalatedAt", "UpdatedAt"), COALESCE("EscalatedAt", "UpdatedAt"), 1,
               COALESCE("EscalatedAt", "UpdatedAt"), COALESCE("EscalatedAt", "UpdatedAt"), 0
        FROM citizens WHERE "Status" = 'NeedsHelp';
        INSERT INTO case_notes ("CaseId", "At", "Actor", "Kind", "Text")
        SELECT "Id", "OpenedAt", 'system', 'Opened', 'asked for help before help cases existed' FROM help_cases;
        """;
}
