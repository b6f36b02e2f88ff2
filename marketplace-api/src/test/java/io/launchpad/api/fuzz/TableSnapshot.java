package io.launchpad.api.fuzz;

import org.springframework.r2dbc.core.DatabaseClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every table of the application schema as (row count, order-independent fingerprint of
 * its rows), so a refused request that changed any row is caught, whichever table it
 * touched. The fingerprint sums the rows' {@code xmin} (the transaction that wrote each
 * row version): any insert, update or delete moves it, even an update that rewrites a row
 * unchanged, and it costs no conversion of rows to text, so it is cheap enough to run
 * after every request, in one query. Tables that background jobs also update are judged
 * by the text of their rows without those jobs' columns (a sum of
 * {@code hashtextextended} values, no sort); that costs a conversion of every row, and by
 * the time this suite runs those tables hold every earlier suite's rows, so it is read
 * only when the table's own {@code xmin} fingerprint moved (a job or a request wrote to
 * it) and reused otherwise.
 */
final class TableSnapshot {

    /**
     * Columns written only by background jobs, never by a request: leaving them out lets
     * the snapshot stay still while a job finishes earlier work, without hiding a row a
     * request adds or changes (the rest of the row, and the row count, are still
     * compared).
     */
    private static final Map<String, Set<String>> BACKGROUND_COLUMNS = Map.of(
            // the outbox indexer marks rows processed or postpones them; the rows
            // themselves come from requests
            "matching_outbox",
            Set.of("processed_at", "attempts", "next_attempt_at", "last_error", "rejections", "parked_at"),
            // the fan-out job marks an event done; the event row comes from a request
            "notification_event", Set.of("fanned_out_at"),
            // the webhook sender claims a delivery, counts the attempt and records its
            // outcome
            "webhook_delivery", Set.of("attempts", "next_attempt_at", "status", "delivered_at"),
            // the mailer claims a notification, then marks it emailed
            "notification", Set.of("email_claimed_at", "emailed_at"));

    /**
     * Tables left out entirely: - digest_sent is written only by the mailer job
     * (NotificationMailer), never while serving a request; - flyway_schema_history is not
     * ours to judge (and is static while the app runs) ; - webhook_attempt is written
     * only by the webhook sender job, the log of its calls; - webhook_pending is a queue
     * the webhook fan-out empties; its rows come with notification_event's; -
     * rate_limit_bucket is the shared rate limits' state: every request, refused or not,
     * spends a token before it is read (that is what a limit is), and the rows hold no
     * data of anyone's (hashed keys).
     */
    private static final Set<String> EXCLUDED_TABLES = Set.of("digest_sent", "flyway_schema_history",
            "rate_limit_bucket", "webhook_attempt", "webhook_pending");

    /**
     * The suite's own Idempotency-Keys start with this; a refusal must not leave even
     * those behind.
     */
    static final String KEY_PREFIX = "fuzz-";

    private final DatabaseClient db;

    private final String query;

    /** Per background table, the query of its rows' text without the jobs' columns. */
    private final Map<String, String> contentQueries;

    /**
     * Per background table: its content's fingerprint, read when its xmin one was
     * {@code xmin}.
     */
    private final Map<String, Content> lastContent = new LinkedHashMap<>();

    private record Content(String xmin, String content) {
    }

    final List<String> tables;

    private TableSnapshot(DatabaseClient db, List<String> tables, String query, Map<String, String> contentQueries) {
        this.db = db;
        this.tables = tables;
        this.query = query;
        this.contentQueries = contentQueries;
    }

    static TableSnapshot of(DatabaseClient db) {
        List<String> tables = db.sql("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""")
            .map(row -> row.get("table_name", String.class))
            .all()
            .collectList()
            .block();
        List<String> compared = tables.stream().filter(t -> !EXCLUDED_TABLES.contains(t)).toList();
        List<String> parts = new ArrayList<>();
        Map<String, String> contentQueries = new LinkedHashMap<>();
        for (String table : compared) {
            parts.add(fingerprintQuery(table, "t.xmin::text::numeric"));
            Set<String> background = BACKGROUND_COLUMNS.getOrDefault(table, Set.of());
            if (!background.isEmpty()) {
                contentQueries.put(table,
                        fingerprintQuery(table, "hashtextextended((to_jsonb(t)"
                                + background.stream().sorted().map(c -> " - '" + c + "'").collect(Collectors.joining())
                                + ")::text, 0)::numeric"));
            }
        }
        return new TableSnapshot(db, compared, String.join("\nunion all\n", parts), contentQueries);
    }

    private static String fingerprintQuery(String table, String fingerprint) {
        return "select '" + table + "' as name, count(*) as n, coalesce(sum(" + fingerprint + "), 0)::text as h from \""
                + table + "\" t";
    }

    /** Table name → "count/hash". */
    Map<String, String> take() {
        Map<String, String> state = read(query);
        List<String> moved = new ArrayList<>();
        contentQueries.forEach((table, content) -> {
            Content last = lastContent.get(table);
            if (last == null || !last.xmin().equals(state.get(table))) {
                moved.add(content);
            }
        });
        if (!moved.isEmpty()) {
            read(String.join("\nunion all\n", moved)).forEach((table, content) -> {
                lastContent.put(table, new Content(state.get(table), content));
            });
        }
        contentQueries.keySet().forEach(table -> state.put(table, lastContent.get(table).content()));
        return state;
    }

    private Map<String, String> read(String sql) {
        Map<String, String> state = new LinkedHashMap<>();
        db.sql(sql)
            .map(row -> Map.entry(row.get("name", String.class),
                    row.get("n", Long.class) + "/" + row.get("h", String.class)))
            .all()
            .collectList()
            .block()
            .forEach(e -> state.put(e.getKey(), e.getValue()));
        return state;
    }

    /** The tables whose state differs, with their row counts before → after. */
    static List<String> changed(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> table : after.entrySet()) {
            String was = before.get(table.getKey());
            if (!table.getValue().equals(was)) {
                String countBefore = was == null ? "?" : was.substring(0, was.indexOf('/'));
                String countAfter = table.getValue().substring(0, table.getValue().indexOf('/'));
                changed.add(table.getKey() + (countBefore.equals(countAfter) ? " (rows changed)"
                        : " (rows " + countBefore + "→" + countAfter + ")"));
            }
        }
        return changed;
    }

}
