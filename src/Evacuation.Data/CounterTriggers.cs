namespace Evacuation.Data;

/// <summary>
/// The triggers that write <see cref="CountChange"/> rows (migration I16Counters), one set per provider. Triggers rather
/// than code: every writer of deliveries, replies and statuses (dispatchers, webhooks, closures, drills, bulk copies)
/// is covered, including ones written later. Changes that cannot move a counter write nothing: a claim or its
/// give-back (Pending and Sending are both "open"), and a new open delivery to a citizen with no other delivery of
/// that broadcast (fan-out). The backfill marks every recipient with a delivery already past open.
/// </summary>
public static class CounterTriggers
{
    /// <summary>SQLite's time now, as EF Core writes times there.</summary>
    const string Now = "strftime('%Y-%m-%d %H:%M:%f', 'now')";

    static string Backfill(string now) => $"""
        INSERT INTO count_changes ("BroadcastId", "CitizenId", "At")
        SELECT DISTINCT "BroadcastId", "CitizenId", {now} FROM deliveries WHERE "State" NOT IN ('Pending', 'Sending');
        """;

    public static readonly string Sqlite = $$"""
        CREATE TRIGGER deliveries_count_insert AFTER INSERT ON deliveries
        WHEN NEW."State" NOT IN ('Pending', 'Sending') OR EXISTS (SELECT 1 FROM deliveries o
            WHERE o."BroadcastId" = NEW."BroadcastId" AND o."CitizenId" = NEW."CitizenId" AND o."Id" <> NEW."Id")
        BEGIN INSERT INTO count_changes ("BroadcastId", "CitizenId", "At") VALUES (NEW."BroadcastId", NEW."CitizenId", {{Now}}); END;

        CREATE TRIGGER deliveries_count_update AFTER UPDATE OF "State", "SentAt" ON deliveries
        WHEN (NEW."State" IS NOT OLD."State" AND NOT (NEW."State" IN ('Pending', 'Sending') AND OLD."State" IN ('Pending', 'Sending')))
            OR NEW."SentAt" IS NOT OLD."SentAt"
        BEGIN INSERT INTO count_changes ("BroadcastId", "CitizenId", "At") VALUES (NEW."BroadcastId", NEW."CitizenId", {{Now}}); END;

        CREATE TRIGGER deliveries_count_delete AFTER DELETE ON deliveries
        BEGIN INSERT INTO count_changes ("BroadcastId", "CitizenId", "At") VALUES (OLD."BroadcastId", OLD."CitizenId", {{Now}}); END;

        CREATE TRIGGER citizen_events_count AFTER INSERT ON citizen_events
        WHEN NEW."Kind" IN ('ReplyReceived', 'StatusChanged')
        BEGIN INSERT INTO count_changes ("BroadcastId", "CitizenId", "At") VALUES (NULL, NEW."CitizenId", {{Now}}); END;

        CREATE TRIGGER citizens_count_status AFTER UPDATE OF "Status" ON citizens
        WHEN NEW."Status" IS NOT OLD."Status"
        BEGIN INSERT INTO count_changes ("BroadcastId", "CitizenId", "At") VALUES (NULL, NEW."Id", {{Now}}); END;

        CREATE TRIGGER citizens_count_delete AFTER DELETE ON citizens
        BEGIN INSERT INTO count_changes ("BroadcastId", "CitizenId", "At") VALUES (NULL, OLD."Id", {{Now}}); END;
        """ + Backfill(Now);

    public const string SqliteDrop = """
        DROP TRIGGER IF EXISTS deliveries_count_insert;
        DROP TRIGGER IF EXISTS deliveries_count_update;
        DROP TRIGGER IF EXISTS deliveries_count_delete;
        DROP TRIGGER IF EXISTS citizen_events_count;
        DROP TRIGGER IF EXISTS citizens_count_status;
        DROP TRIGGER IF EXISTS citizens_count_delete;
        """;

    public static readonly string Postgres = """
        CREATE FUNCTION count_delivery_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                INSERT INTO count_changes ("BroadcastId", "CitizenId", "At") VALUES (OLD."BroadcastId", OLD."CitizenId", now());
                RETURN OLD;
            END IF;
            IF TG_OP = 'INSERT' AND NEW."State" IN ('Pending', 'Sending') AND NOT EXISTS (SELECT 1 FROM deliveries o
                WHERE o."BroadcastId" = NEW."BroadcastId" AND o."CitizenId" = NEW."CitizenId" AND o."Id" <> NEW."Id") THEN
                RETURN NEW;
            END IF;
            INSERT INTO count_changes ("BroadcastId", "CitizenId", "At") VALUES (NEW."BroadcastId", NEW."CitizenId", now());
            RETURN NEW;
        END $$;

        CREATE FUNCTION count_citizen_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                INSERT INTO count_changes ("BroadcastId", "CitizenId", "At") VALUES (NULL, OLD."Id", now());
                RETURN OLD;
            END IF;
            INSERT INTO count_changes ("BroadcastId", "CitizenId", "At") VALUES (NULL, NEW."Id", now());
            RETURN NEW;
        END $$;

        CREATE FUNCTION count_citizen_event() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO count_changes ("BroadcastId", "CitizenId", "At") VALUES (NULL, NEW."CitizenId", now());
            RETURN NEW;
        END $$;

        CREATE TRIGGER deliveries_count_insert AFTER INSERT ON deliveries
        FOR EACH ROW EXECUTE FUNCTION count_delivery_change();
        CREATE TRIGGER deliveries_count_update AFTER UPDATE ON deliveries FOR EACH ROW
        WHEN ((NEW."State" IS DISTINCT FROM OLD."State" AND NOT (NEW."State" IN ('Pending', 'Sending') AND OLD."State" IN ('Pending', 'Sending')))
            OR NEW."SentAt" IS DISTINCT FROM OLD."SentAt")
        EXECUTE FUNCTION count_delivery_change();
        CREATE TRIGGER deliveries_count_delete AFTER DELETE ON deliveries
        FOR EACH ROW EXECUTE FUNCTION count_delivery_change();
        CREATE TRIGGER citizen_events_count AFTER INSERT ON citizen_events FOR EACH ROW
        WHEN (NEW."Kind" IN ('ReplyReceived', 'StatusChanged'))
        EXECUTE FUNCTION count_citizen_event();
        CREATE TRIGGER citizens_count_status AFTER UPDATE OF "Status" ON citizens FOR EACH ROW
        WHEN (NEW."Status" IS DISTINCT FROM OLD."Status")
        EXECUTE FUNCTION count_citizen_change();
        CREATE TRIGGER citizens_count_delete AFTER DELETE ON citizens
        FOR EACH ROW EXECUTE FUNCTION count_citizen_change();
        """ + Backfill("now()");

    public const string PostgresDrop = """
        DROP TRIGGER IF EXISTS deliveries_count_insert ON deliveries;
        DROP TRIGGER IF EXISTS deliveries_count_update ON deliveries;
        DROP TRIGGER IF EXISTS deliveries_count_delete ON deliveries;
        DROP TRIGGER IF EXISTS citizen_events_count ON citizen_events;
        DROP TRIGGER IF EXISTS citizens_count_status ON citizens;
        DROP TRIGGER IF EXISTS citizens_count_delete ON citizens;
        DROP FUNCTION IF EXISTS count_delivery_change();
        DROP FUNCTION IF EXISTS count_citizen_change();
        DROP FUNCTION IF EXISTS count_citizen_event();
        """;
}
