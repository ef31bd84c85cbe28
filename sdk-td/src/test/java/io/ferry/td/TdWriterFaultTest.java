package io.ferry.td;

import static io.ferry.td.TdTestData.SCHEMA;
import static io.ferry.td.TdTestData.freshDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryException;
import io.ferry.core.FerryIoException;
import io.ferry.core.record.Record;
import io.ferry.core.testing.TestReport;
import io.ferry.td.testing.LocalTdServer;
import io.ferry.td.testing.LocalTdServerExtension;
import io.ferry.testkit.Fault;
import io.ferry.testkit.FaultPlan;
import io.ferry.testkit.FaultProxy;
import io.ferry.testkit.ProxiedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seeded fault runs over {@link io.ferry.td.TdWriter} through {@link FaultProxy} in front of
 * {@link LocalTdServer}: APPEND, REPLACE and REPLACE_ON_NEW_DATA of 100 rows in 1 KB chunks (four
 * chunks) into a table that already holds three rows. First every fault kind at every request
 * kind the mode makes (create table, import_with_id, swap, delete), then seeded mixes of several
 * faults, with 3 attempts per call so some runs fail. After each run:
 * <ul>
 *   <li>success: the table holds exactly the old rows plus the new (APPEND) or the new rows
 *       (replace modes), each once; no other table, except (replace modes) the swapped-out table
 *       holding exactly the old rows when deleting it kept failing after the swap (the write is
 *       published and logs its name);</li>
 *   <li>failure: only a {@link FerryException}; no temporary table left; REPLACE keeps the old
 *       rows, unless the error says the swap's outcome is unknown (then old or new, nothing
 *       else); APPEND holds the old rows plus whole chunks of the new ones from the first, each
 *       at most once.</li>
 * </ul>
 *
 * <p>The build runs 100 runs; {@code -Dferry.faults.runs=3000} runs more.
 */
class TdWriterFaultTest {
    private static final int RUNS = Integer.getInteger("ferry.faults.runs", 100);
    private static final String TABLE = "events";
    private static final int NEW_ROWS = 100;
    private static final List<Fault> FAULTS = List.of(Fault.RESET_REQUEST, Fault.ERROR_500, Fault.ERROR_503,
            Fault.RESET_RESPONSE_BODY, Fault.DROP_RESPONSE, Fault.STALL);
    private static final Map<String, Predicate<ProxiedRequest>> REQUEST_KINDS = new LinkedHashMap<>();
    private static final List<TdWriteMode> MODES = List.of(TdWriteMode.APPEND, TdWriteMode.REPLACE,
            TdWriteMode.REPLACE_ON_NEW_DATA);

    static {
        REQUEST_KINDS.put("create table", r -> r.path().startsWith("/v3/table/create/"));
        REQUEST_KINDS.put("import_with_id", r -> r.path().startsWith("/v3/table/import_with_id/"));
        REQUEST_KINDS.put("swap", r -> r.path().startsWith("/v3/table/swap/"));
        REQUEST_KINDS.put("delete table", r -> r.path().startsWith("/v3/table/delete/"));
    }

    @RegisterExtension
    static final LocalTdServerExtension TD = new LocalTdServerExtension();
    /** Rows per chunk (all rows have the same size, so every chunk but the last holds this many). */
    private static int rowsPerChunk;
    private static final List<Target> TARGETED = new ArrayList<>();
    /** Successful replaces whose swapped-out table (the old rows) could not be deleted. */
    private static int oldRowsLeftBehind;

    /** One fault aimed at the first request of one kind under one mode. */
    private record Target(TdWriteMode mode, String kind, Fault fault) {
    }

    @BeforeAll
    static void start() {
        for (TdWriteMode mode : MODES) {
            for (String kind : REQUEST_KINDS.keySet()) {
                if (mode == TdWriteMode.APPEND && (kind.equals("swap") || kind.equals("delete table"))) {
                    continue;
                }
                for (Fault f : FAULTS) {
                    TARGETED.add(new Target(mode, kind, f));
                }
            }
        }
        // a refused second chunk leaves exactly the first one
        String db = freshDatabase(TD.server());
        TD.server().injectFault("PUT /v3/table/import_with_id/" + db + "/", 2, io.ferry.td.testing.Fault.status(400));
        try {
            writer(db, TD.server().endpoint()).mode(TdWriteMode.APPEND).build().write(SCHEMA, newRows());
        } catch (FerryException expected) {
            rowsPerChunk = TD.server().rows(db, TABLE).size();
        }
        assertThat(rowsPerChunk).isBetween(10, NEW_ROWS / 3);
    }

    /** Codes 1000000.. with names of one length: every row packs to the same size. */
    private static List<Record> newRows() {
        List<Record> list = new ArrayList<>();
        for (int i = 0; i < NEW_ROWS; i++) {
            list.add(Record.of(SCHEMA, 1_000_000L + i, "new" + (1_000_000 + i)));
        }
        return list;
    }

    private static List<Record> oldRows() {
        return List.of(Record.of(SCHEMA, 1L, "old1"), Record.of(SCHEMA, 2L, "old2"), Record.of(SCHEMA, 3L, "old3"));
    }

    private static TdWriterBuilder writer(String db, String endpoint) {
        return TdWriter.builder().endpoint(endpoint)
                .apiKey(LocalTdServer.MASTER_KEY).database(db).table(TABLE).timeValue(1_700_000_000L)
                .chunkSize(1024).maxAttempts(3).backoff(Duration.ofMillis(2), Duration.ofMillis(10))
                .requestTimeout(Duration.ofSeconds(10));
    }

    private static List<String> codes(List<Record> records) {
        return records.stream().map(r -> r.getLong("code") + ":" + r.getString("name")).collect(Collectors.toList());
    }

    private static List<String> stored(String db) {
        return TD.server().rows(db, TABLE).stream().map(m -> m.get("code") + ":" + m.get("name")).collect(Collectors.toList());
    }

    /** The plan and mode of run {@code i}. */
    private static TdWriteMode mode(int i) {
        return i < TARGETED.size() ? TARGETED.get(i).mode() : MODES.get(i % MODES.size());
    }

    private static FaultPlan plan(int i, List<String> described) {
        Duration stall = Duration.ofMillis(50);
        if (i < TARGETED.size()) {
            Target t = TARGETED.get(i);
            described.add(t.fault() + " on " + t.kind());
            return FaultPlan.nth(REQUEST_KINDS.get(t.kind()), 1, t.fault()).withStall(stall);
        }
        described.add("seed " + i);
        return FaultPlan.seeded(i, 0.25, 4, FAULTS, r -> true).withStall(stall);
    }

    @Test
    void seededFaultRuns_endCleanly() {
        List<String> unclean = new ArrayList<>();
        int faulted = 0;
        int failed = 0;
        int unknownSwaps = 0;
        long faults = 0;
        long start = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            TdWriteMode mode = mode(i);
            String db = freshDatabase(TD.server());
            writer(db, TD.server().endpoint()).mode(TdWriteMode.APPEND).build().write(SCHEMA, oldRows());
            List<String> described = new ArrayList<>();
            try (FaultProxy proxy = FaultProxy.start(TD.server().uri().getPort(), plan(i, described))) {
                String verdict;
                try {
                    TdWriteResult r = writer(db, proxy.endpoint().toString()).mode(mode).build()
                            .write(SCHEMA, newRows());
                    verdict = checkSuccess(db, mode, r);
                } catch (RuntimeException e) {
                    failed++;
                    if (String.valueOf(e.getMessage()).contains("outcome is unknown")) {
                        unknownSwaps++;
                    }
                    verdict = checkFailure(db, mode, e);
                }
                faults += proxy.faultsInjected();
                if (proxy.faultsInjected() > 0) {
                    faulted++;
                }
                if (verdict != null) {
                    unclean.add("run " + i + " (" + mode + ", " + described.get(0) + ", faults "
                            + proxy.exchanges().stream().filter(x -> x.fault() != Fault.NONE)
                                    .map(x -> x.fault() + " " + x.request().method() + " " + x.request().path())
                                    .collect(Collectors.toList()) + "): " + verdict);
                }
            }
        }
        TestReport.line("TdWriterFaultTest", String.format("%d runs, %d faulted runs (%d faults; %d failed, %d of"
                        + " them with the swap's outcome unknown; %d succeeded leaving the swapped-out old rows):"
                        + " %d clean, in %d s",
                RUNS, faulted, faults, failed, unknownSwaps, oldRowsLeftBehind, RUNS - unclean.size(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)));
        assertThat(unclean).isEmpty();
        assertThat(faulted).isGreaterThanOrEqualTo(RUNS * 3 / 4);
    }

    @Test
    void droppedSwapResponse_errorSaysTheOutcomeIsUnknown_andNoTemporaryTableIsLeft() {
        String db = freshDatabase(TD.server());
        writer(db, TD.server().endpoint()).mode(TdWriteMode.APPEND).build().write(SCHEMA, oldRows());
        FaultPlan plan = FaultPlan.nth(REQUEST_KINDS.get("swap"), 1, Fault.DROP_RESPONSE);
        try (FaultProxy proxy = FaultProxy.start(TD.server().uri().getPort(), plan)) {
            TdWriter w = writer(db, proxy.endpoint().toString()).mode(TdWriteMode.REPLACE).build();

            assertThatThrownBy(() -> w.write(SCHEMA, newRows()))
                    .isInstanceOf(FerryIoException.class)
                    .hasMessageStartingWith("swap tables " + db + ".events and " + db + ".events_ferry_tmp_")
                    .hasMessageContaining(" at " + proxy.endpoint() + " failed after 1 attempt(s): ")
                    .hasMessageEndingWith("; the outcome is unknown");
            // the server did swap before its answer was lost: the target has the new rows
            assertThat(stored(db)).isEqualTo(codes(newRows()));
            assertThat(TD.server().tables(db)).containsExactly(TABLE);
            assertThat(proxy.exchanges().stream().filter(x -> REQUEST_KINDS.get("swap").test(x.request()))).hasSize(1);
        }
    }

    private static String checkSuccess(String db, TdWriteMode mode, TdWriteResult r) {
        List<String> expected = new ArrayList<>(mode == TdWriteMode.APPEND ? codes(oldRows()) : List.of());
        expected.addAll(codes(newRows()));
        if (!r.published() || r.rows() != NEW_ROWS) {
            return "succeeded with " + r;
        }
        Set<String> tables = TD.server().tables(db);
        if (!tables.equals(Set.of(TABLE))) {
            // after the swap, the old rows sit in the temporary table; when its delete keeps failing the
            // write still succeeds (the new rows are published) and logs the table's name
            List<String> others = tables.stream().filter(t -> !t.equals(TABLE)).collect(Collectors.toList());
            boolean swappedOut = mode != TdWriteMode.APPEND && others.size() == 1
                    && others.get(0).startsWith(TABLE + "_ferry_tmp_")
                    && TD.server().rows(db, others.get(0)).stream().map(m -> m.get("code") + ":" + m.get("name"))
                            .collect(Collectors.toList()).equals(codes(oldRows()));
            if (!swappedOut) {
                return "succeeded leaving tables " + tables;
            }
            oldRowsLeftBehind++;
        }
        List<String> rows = stored(db);
        return rows.equals(expected) ? null : "succeeded but the table holds " + summary(rows);
    }

    private static String checkFailure(String db, TdWriteMode mode, RuntimeException e) {
        if (!(e instanceof FerryException)) {
            return "threw " + e;
        }
        if (!TD.server().tables(db).equals(Set.of(TABLE))) {
            return "failed leaving tables " + TD.server().tables(db) + ": " + e.getMessage();
        }
        List<String> rows = stored(db);
        List<String> old = codes(oldRows());
        List<String> all = codes(newRows());
        if (mode != TdWriteMode.APPEND) {
            if (rows.equals(old)) {
                return null;
            }
            boolean unknown = e.getMessage().contains("outcome is unknown");
            return unknown && rows.equals(all) ? null
                    : "failed (" + e.getMessage() + ") but the target holds " + summary(rows);
        }
        if (!rows.subList(0, Math.min(3, rows.size())).equals(old)) {
            return "failed and the old rows are gone: " + summary(rows);
        }
        List<String> added = rows.subList(3, rows.size());
        boolean wholeChunks = added.size() % rowsPerChunk == 0 || added.size() == NEW_ROWS;
        return wholeChunks && added.equals(all.subList(0, added.size())) ? null
                : "failed (" + e.getMessage() + ") and APPEND added " + summary(added);
    }

    private static String summary(List<String> rows) {
        return rows.size() + " rows " + (rows.size() <= 6 ? rows.toString()
                : rows.subList(0, 3) + "..." + rows.subList(rows.size() - 3, rows.size()));
    }
}
