package io.ferry.td;

import static io.ferry.td.TdTestData.SCHEMA;
import static io.ferry.td.TdTestData.freshDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.FerryException;
import io.ferry.core.record.Record;
import io.ferry.core.testing.TestReport;
import io.ferry.td.testing.LocalTdServer;
import io.ferry.td.testing.LocalTdServerExtension;
import io.ferry.testkit.Fault;
import io.ferry.testkit.FaultPlan;
import io.ferry.testkit.FaultProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seeded fault runs over staged writes: four task threads upload through {@link FaultProxy} (resets
 * before and after the server acted, 500/503, cut and dropped answers) with one attempt per call,
 * so faults fail task attempts in the middle of their chunks; a failed attempt is retried, up to
 * four attempts per partition. The coordinator talks to the server directly. After each run: when
 * every partition succeeded, publish leaves exactly the new rows, each once, and no other table
 * (REPLACE) or the old rows plus the new, each once (APPEND); when a partition gave up, abort
 * leaves the old rows (REPLACE) and no temporary table.
 *
 * <p>The build runs 10 runs; {@code -Dferry.faults.runs=300} runs more.
 */
class TdStagedWriteFaultTest {
    private static final int RUNS = Integer.getInteger("ferry.faults.runs", 10);
    private static final int TASKS = 4;
    private static final int ROWS_PER_TASK = 120;
    private static final int ATTEMPTS_PER_TASK = 4;
    private static final List<Fault> FAULTS = List.of(Fault.RESET_REQUEST, Fault.ERROR_500, Fault.ERROR_503,
            Fault.RESET_RESPONSE_BODY, Fault.DROP_RESPONSE);

    @RegisterExtension
    static final LocalTdServerExtension TD = new LocalTdServerExtension();

    private static TdWriterBuilder writer(String db, String endpoint, TdWriteMode mode) {
        return TdWriter.builder().endpoint(endpoint).apiKey(LocalTdServer.MASTER_KEY).database(db).table("events")
                .mode(mode).timeValue(1_700_000_000L).chunkSize(1024).maxAttempts(1)
                .backoff(Duration.ofMillis(2), Duration.ofMillis(10)).requestTimeout(Duration.ofSeconds(10));
    }

    private static List<Record> rows(int partition) {
        List<Record> list = new ArrayList<>();
        for (int i = 0; i < ROWS_PER_TASK; i++) {
            long code = 1_000_000L + partition * 10_000L + i;
            list.add(Record.of(SCHEMA, code, "new" + code));
        }
        return list;
    }

    private static List<String> stored(String db, String table) {
        return TD.server().rows(db, table).stream().map(m -> m.get("code") + ":" + m.get("name")).sorted()
                .collect(Collectors.toList());
    }

    private static List<String> expected(boolean withOld) {
        List<String> out = new ArrayList<>();
        if (withOld) {
            out.add("1:old1");
        }
        for (int p = 0; p < TASKS; p++) {
            rows(p).forEach(r -> out.add(r.getLong("code") + ":" + r.getString("name")));
        }
        return out.stream().sorted().collect(Collectors.toList());
    }

    /** One partition, retried until an attempt finishes; null when every attempt failed. */
    private static TdStagedPart task(TdWriter w, TdStagedWrite staged, int partition, int[] failedAttempts) {
        for (int attempt = 1; attempt <= ATTEMPTS_PER_TASK; attempt++) {
            try (TdStagedTask task = w.openTask(staged, partition)) {
                rows(partition).forEach(task::write);
                return task.finish();
            } catch (FerryException e) {
                synchronized (failedAttempts) {
                    failedAttempts[0]++;
                }
            }
        }
        return null;
    }

    @Test
    void seededFaultRuns_publishEveryRowOnceOrAbortCleanly() throws Exception {
        List<String> unclean = new ArrayList<>();
        int published = 0;
        int[] failedAttempts = {0};
        long faults = 0;
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(TASKS);
        try {
            for (int i = 0; i < RUNS; i++) {
                TdWriteMode mode = i % 2 == 0 ? TdWriteMode.REPLACE : TdWriteMode.APPEND;
                String db = freshDatabase(TD.server());
                TdWriter driver = writer(db, TD.server().endpoint(), mode).maxAttempts(3).build();
                driver.toBuilder().mode(TdWriteMode.APPEND).build().write(SCHEMA, List.of(Record.of(SCHEMA, 1L, "old1")));
                TdStagedWrite staged = driver.stage(SCHEMA);
                FaultPlan plan = FaultPlan.seeded(i, 0.1, 5, FAULTS,
                        r -> r.path().startsWith("/v3/table/import_with_id/"));
                try (FaultProxy proxy = FaultProxy.start(TD.server().uri().getPort(), plan)) {
                    TdWriter taskWriter = writer(db, proxy.endpoint().toString(), mode).build();
                    List<Future<TdStagedPart>> futures = new ArrayList<>();
                    for (int p = 0; p < TASKS; p++) {
                        int partition = p;
                        futures.add(pool.submit(() -> task(taskWriter, staged, partition, failedAttempts)));
                    }
                    List<TdStagedPart> parts = new ArrayList<>();
                    for (Future<TdStagedPart> f : futures) {
                        parts.add(f.get());
                    }
                    faults += proxy.faultsInjected();
                    String verdict;
                    if (parts.contains(null)) {
                        driver.abort(staged);
                        verdict = mode == TdWriteMode.REPLACE && !stored(db, "events").equals(List.of("1:old1"))
                                ? "aborted REPLACE changed the target" : null;
                    } else {
                        TdWriteResult r = driver.publish(staged, parts);
                        published++;
                        List<String> want = expected(mode == TdWriteMode.APPEND);
                        verdict = !stored(db, "events").equals(want) ? "published " + stored(db, "events").size()
                                + " rows, expected " + want.size()
                                : r.rows() != (long) TASKS * ROWS_PER_TASK ? "result counts " + r.rows() + " rows" : null;
                    }
                    if (verdict == null && !TD.server().tables(db).equals(java.util.Set.of("events"))) {
                        verdict = "tables left: " + TD.server().tables(db);
                    }
                    if (verdict != null) {
                        unclean.add("run " + i + " (" + mode + "): " + verdict);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        TestReport.line("TdStagedWriteFaultTest", String.format("%d runs of %d tasks, %d faults, %d failed task"
                        + " attempts retried, %d published: %d clean, in %d s", RUNS, TASKS, faults, failedAttempts[0],
                published, RUNS - unclean.size(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)));
        assertThat(unclean).isEmpty();
        assertThat(failedAttempts[0]).isGreaterThan(RUNS / 3);
    }
}
