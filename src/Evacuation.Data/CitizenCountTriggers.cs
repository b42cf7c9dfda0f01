namespace Evacuation.Data;

/// <summary>
/// The citizens' triggers behind <see cref="CitizenCount"/> (migration I16Counters): every insert, delete, and update of
/// a column the stats show writes the row's part as it was (negative) and as it is (positive) to
/// <c>citizen_count_deltas</c>. Demo citizens of drills count nowhere. The backfill counts the citizens already there.
/// </summary>
public static class CitizenCountTriggers
{
    const string Columns = """("Region", "Status", "Citizens", "People", "OptedOut", "Unreachable")""";

    const string Watched = """
        OLD."Region" IS NOT NEW."Region" OR OLD."Status" IS NOT NEW."Status" OR OLD."HouseholdSize" IS NOT NEW."HouseholdSize"
        OR OLD."OptedOut" IS NOT NEW."OptedOut" OR OLD."TelegramChatId" IS NOT NEW."TelegramChatId"
        OR OLD."TelegramUnreachable" IS NOT NEW."TelegramUnreachable" OR OLD."Phone" IS NOT NEW."Phone"
        OR OLD."SmsUnreachable" IS NOT NEW."SmsUnreachable" OR OLD."DrillId" IS NOT NEW."DrillId"
        """;

    static string Part(string row, string sign, bool postgres)
    {
        string Flag(string condition) => postgres ? $"CASE WHEN {condition} THEN 1 ELSE 0 END" : $"({condition})";
        var unreachable = Flag($"""({row}."TelegramChatId" IS NULL OR {row}."TelegramUnreachable") AND ({row}."Phone" IS NULL OR {row}."SmsUnreachable")""");
        return $"""COALESCE({row}."Region", ''), {row}."Status", {sign}1, {sign}{row}."HouseholdSize", {sign}({Flag($"{row}.\"OptedOut\"")}), {sign}({unreachable})""";
    }

    static string Backfill(bool postgres) => $"""
        INSERT INTO citizen_counts {Columns}
        SELECT COALESCE("Region", ''), "Status", COUNT(*), SUM("HouseholdSize"), SUM({(postgres ? "CASE WHEN \"OptedOut\" THEN 1 ELSE 0 END" : "\"OptedOut\"")}),
            SUM({(postgres ? "CASE WHEN" : "(")} ("TelegramChatId" IS NULL OR "TelegramUnreachable") AND ("Phone" IS NULL OR "SmsUnreachable") {(postgres ? "THEN 1 ELSE 0 END" : ")")})
        FROM citizens WHERE "DrillId" IS NULL GROUP BY COALESCE("Region", ''), "Status";
        """;

    public static readonly string Sqlite = $"""
        CREATE TRIGGER citizens_counted_insert AFTER INSERT ON citizens WHEN NEW."DrillId" IS NULL
        BEGIN INSERT INTO citizen_count_deltas {Columns} VALUES ({Part("NEW", "", false)}); END;

        CREATE TRIGGER citizens_counted_delete AFTER DELETE ON citizens WHEN OLD."DrillId" IS NULL
        BEGIN INSERT INTO citizen_count_deltas {Columns} VALUES ({Part("OLD", "-", false)}); END;

        CREATE TRIGGER citizens_counted_update AFTER UPDATE ON citizens WHEN {Watched}
        BEGIN
            INSERT INTO citizen_count_deltas {Columns} SELECT {Part("OLD", "-", false)} WHERE OLD."DrillId" IS NULL;
            INSERT INTO citizen_count_deltas {Columns} SELECT {Part("NEW", "", false)} WHERE NEW."DrillId" IS NULL;
        END;
        """ + Backfill(false);

    public const string SqliteDrop = """
        DROP TRIGGER IF EXISTS citizens_counted_insert;
        DROP TRIGGER IF EXISTS citizens_counted_delete;
        DROP TRIGGER IF EXISTS citizens_counted_update;
        """;

    public static readonly string Postgres = $$"""
        CREATE FUNCTION count_citizen_row() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."DrillId" IS NULL THEN
                INSERT INTO citizen_count_deltas {{Columns}} VALUES ({{Part("OLD", "-", true)}});
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."DrillId" IS NULL THEN
                INSERT INTO citizen_count_deltas {{Columns}} VALUES ({{Part("NEW", "", true)}});
            END IF;
            RETURN NULL;
        END $$;

        CREATE TRIGGER citizens_counted AFTER INSERT OR DELETE ON citizens
        FOR EACH ROW EXECUTE FUNCTION count_citizen_row();
        CREATE TRIGGER citizens_counted_update AFTER UPDATE ON citizens FOR EACH ROW
        WHEN ({{Watched.Replace(" IS NOT ", " IS DISTINCT FROM ", StringComparison.Ordinal)}})
        EXECUTE FUNCTION count_citizen_row();
        """ + Backfill(true);

    public const string PostgresDrop = """
        DROP TRIGGER IF EXISTS citizens_counted ON citizens;
        DROP TRIGGER IF EXISTS citizens_counted_update ON citizens;
        DROP FUNCTION IF EXISTS count_citizen_row();
        """;
}
