package io.ferry.s3.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.FerryException;
import io.ferry.core.incremental.IncrementalState;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.sink.RecordSink;
import io.ferry.core.testing.TestReport;
import io.ferry.formats.read.ParserConfig;
import io.ferry.s3.testing.SharedS3Mock;
import io.ferry.testkit.Fault;
import io.ferry.testkit.FaultPlan;
import io.ferry.testkit.FaultProxy;
import io.ferry.testkit.ProxiedRequest;
import io.ferry.testkit.S3Operation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded fault runs over {@link S3Import} through {@link FaultProxy} in front of S3Mock: six small
 * objects and one of 2 MB (prefetched whole, or streamed), incremental by path and by modified
 * time, from the start or from a saved state. Every fault kind is aimed at every request kind the
 * import makes (ListObjectsV2, GetObject of a small object, GetObject of the large one, and the ranged
 * GetObject that resumes it); further
 * runs draw several faults per run from a seed (every fourth one faults most requests, so that
 * many runs fail). After each run: on success the sink committed
 * exactly the rows (each once, in key order) and the next state equals the fault-free run's; on
 * failure only a {@link FerryException} escaped, the sink was aborted and never committed, and no
 * state came back.
 *
 * <p>The build runs 120 runs; {@code -Dferry.faults.runs=5000} runs more.
 */
class S3ImportFaultTest {
    private static final SharedS3Mock S3 = SharedS3Mock.get();
    private static final ImportFixture FIXTURE = new ImportFixture(S3);

    private static final int RUNS = Integer.getInteger("ferry.faults.runs", 120);
    private static final String BIG_KEY = "f/03-big.csv";
    private static final int SMALL_ROWS = 150;
    private static final int BIG_ROWS = 65_000;
    private static final ParserConfig PARSER = ParserConfig.builder().noQuote().column("id", ColumnType.LONG)
            .column("v", ColumnType.STRING).build();
    /** Request kinds the import makes; HeadObject is not among them. */
    private static final Map<String, Predicate<ProxiedRequest>> REQUEST_KINDS = new LinkedHashMap<>();
    private static final List<Fault> FAULTS = List.of(Fault.RESET_REQUEST, Fault.ERROR_500, Fault.ERROR_503,
            Fault.RESET_RESPONSE_BODY, Fault.DROP_RESPONSE, Fault.STALL);

    static {
        REQUEST_KINDS.put("ListObjectsV2", r -> S3Operation.of(r) == S3Operation.LIST_OBJECTS);
        REQUEST_KINDS.put("GetObject small", r -> S3Operation.of(r) == S3Operation.GET_OBJECT
                && !r.path().endsWith(BIG_KEY));
        REQUEST_KINDS.put("GetObject large", S3ImportFaultTest::getLarge);
        // the ranged GET that resumes the large object after RESET_RESPONSE_BODY on its first GET
        REQUEST_KINDS.put("GetObject large resume", r -> getLarge(r) && r.header("range") != null);
    }

    private static boolean getLarge(ProxiedRequest r) {
        return S3Operation.of(r) == S3Operation.GET_OBJECT && r.path().endsWith(BIG_KEY);
    }

    private static String bucket;
    private static Clock clock;
    private static final List<Setup> SETUPS = new ArrayList<>();

    /** One way to run the import, and what a fault-free run of it gives. */
    private record Setup(String name, S3Import.Builder builder, long firstId, long rows, IncrementalState next) {
    }

    /** The value of row {@code id}: the sink recomputes it, so a byte lost or repeated in a value shows. */
    static String value(long id) {
        return Long.toHexString(id * 0x9E3779B97F4A7C15L) + Long.toHexString(Long.rotateLeft(id, 17) ^ 0x2545F491L);
    }

    @BeforeAll
    static void fill() {
        bucket = S3.newBucket("import-faults");
        long id = 0;
        Map<String, Instant> firstThree = new LinkedHashMap<>();
        for (int i = 0; i < 7; i++) {
            String key = i == 3 ? BIG_KEY : "f/0" + i + ".csv";
            int rows = i == 3 ? BIG_ROWS : SMALL_ROWS;
            StringBuilder text = new StringBuilder(rows * 45);
            for (int r = 0; r < rows; r++, id++) {
                text.append(id).append(',').append(value(id)).append('\n');
            }
            FIXTURE.put(bucket, key, text.toString().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(S3.client().headObject(b -> b.bucket(bucket).key(BIG_KEY)).contentLength())
                .isGreaterThan(2L * 1000 * 1000);
        S3.client().listObjectsV2(b -> b.bucket(bucket).prefix("f/")).contents().stream().limit(3)
                .forEach(o -> firstThree.put(o.key(), o.lastModified()));
        Instant cursor = firstThree.values().stream().min(Instant::compareTo).orElseThrow();
        // every object is older than the listing minus the settle time
        clock = Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC);
        for (boolean streamed : new boolean[] {false, true}) {
            String how = streamed ? ", large streamed" : ", large prefetched";
            setup("path from start" + how, base(streamed));
            setup("path after f/01.csv" + how, base(streamed).state(IncrementalState.afterPath("f/01.csv")));
            setup("modified time from start" + how, base(streamed).useModifiedTime(true));
            setup("modified time, 3 seen" + how, base(streamed).useModifiedTime(true)
                    .state(IncrementalState.modifiedSince(cursor, firstThree)));
        }
    }

    private static S3Import.Builder base(boolean streamed) {
        S3Import.Builder b = FIXTURE.imports(bucket).pathPrefix("f/").parser(PARSER).incremental(true).clock(clock);
        return streamed ? b.maxBufferedBytes(1024 * 1024) : b;
    }

    /** Runs the import without the proxy to learn its rows and next state. */
    private static void setup(String name, S3Import.Builder b) {
        CheckingSink sink = new CheckingSink(-1, -1);
        ImportResult r = b.build().run(sink);
        assertThat(sink.committed).isTrue();
        assertThat(sink.rows).isPositive();
        SETUPS.add(new Setup(name, b, sink.firstId, sink.rows, r.nextState().orElseThrow()));
    }

    /** Checks every record as it arrives: ids consecutive from the expected first, values intact. */
    private static final class CheckingSink implements RecordSink {
        private final long expectedFirst;
        private final long expectedRows;
        long firstId = -1;
        long rows;
        private long next;
        String problem;
        boolean committed;
        boolean aborted;

        CheckingSink(long expectedFirst, long expectedRows) {
            this.expectedFirst = expectedFirst;
            this.expectedRows = expectedRows;
        }

        @Override
        public void open(Schema schema) {
            // nothing to prepare
        }

        @Override
        public void write(Record r) {
            long id = r.getLong("id");
            if (rows == 0) {
                firstId = id;
                next = id;
                if (expectedFirst >= 0 && id != expectedFirst) {
                    problem("first id " + id + ", expected " + expectedFirst);
                }
            }
            if (id != next) {
                problem("id " + id + " after " + (next - 1));
            }
            if (!value(id).equals(r.getString("v"))) {
                problem("id " + id + " has value " + r.getString("v"));
            }
            next = id + 1;
            rows++;
        }

        private void problem(String p) {
            if (problem == null) {
                problem = p;
            }
        }

        @Override
        public void commit() {
            if (expectedRows >= 0 && rows != expectedRows) {
                problem(rows + " rows committed, expected " + expectedRows);
            }
            committed = true;
        }

        @Override
        public void abort() {
            aborted = true;
        }
    }

    /** How many runs aim one fault at one request kind: each pair twice, under different setups. */
    private static final int TARGETED = FAULTS.size() * REQUEST_KINDS.size() * 2;

    /** The setup of run {@code i}: targeted pairs meet different setups in their two rounds. */
    private static Setup setup(int i) {
        return SETUPS.get((i + i / (TARGETED / 2)) % SETUPS.size());
    }

    /** The plan of run {@code i}: first each fault at each request kind, then seeded mixes of several faults. */
    private static FaultPlan plan(int i, List<String> described) {
        Duration stall = Duration.ofMillis(100);
        if (i < TARGETED) {
            List<String> kinds = new ArrayList<>(REQUEST_KINDS.keySet());
            Fault fault = FAULTS.get(i % FAULTS.size());
            String kind = kinds.get((i / FAULTS.size()) % kinds.size());
            described.add(fault + " on " + kind);
            FaultPlan target = FaultPlan.nth(REQUEST_KINDS.get(kind), 1, fault);
            if (!kind.endsWith("resume")) {
                return target.withStall(stall);
            }
            FaultPlan cut = FaultPlan.nth(S3ImportFaultTest::getLarge, 1, Fault.RESET_RESPONSE_BODY);
            FaultPlan both = r -> {
                Fault first = cut.faultFor(r);
                return first != Fault.NONE ? first : target.faultFor(r);
            };
            return both.withStall(stall);
        }
        if (dense(i)) {
            described.add("seed " + i + ", dense");
            return FaultPlan.seeded(i, 0.8, 10, FAULTS, r -> true).withStall(stall);
        }
        described.add("seed " + i);
        return FaultPlan.seeded(i, 0.3, 5, FAULTS, r -> true).withStall(stall);
    }

    /** Every fourth seeded run faults most requests, with readAttempts(2), so that many runs fail. */
    private static boolean dense(int i) {
        return i >= TARGETED && i % 4 == 0;
    }

    @Test
    void seededFaultRuns_endCleanly() throws Exception {
        ExecutorService runner = Executors.newSingleThreadExecutor();
        List<String> unclean = new ArrayList<>();
        int succeeded = 0;
        int failed = 0;
        int faulted = 0;
        long faults = 0;
        long start = System.nanoTime();
        try {
            for (int i = 0; i < RUNS; i++) {
                Setup setup = setup(i);
                List<String> described = new ArrayList<>();
                FaultPlan plan = plan(i, described);
                try (FaultProxy proxy = FaultProxy.start(S3.endpoint().getPort(), plan)) {
                    S3Import.Builder b = setup.builder().build().toBuilder().endpoint(proxy.endpoint().toString());
                    S3Import imp = (dense(i) ? b.readAttempts(2) : b).build();
                    CheckingSink sink = new CheckingSink(setup.firstId(), setup.rows());
                    Future<ImportResult> run = runner.submit(() -> imp.run(sink));
                    String verdict;
                    try {
                        ImportResult r = run.get(120, TimeUnit.SECONDS);
                        succeeded++;
                        verdict = checkSuccess(setup, sink, r);
                    } catch (java.util.concurrent.ExecutionException e) {
                        failed++;
                        verdict = checkFailure(sink, e.getCause());
                    } catch (TimeoutException e) {
                        run.cancel(true);
                        verdict = "still running after 120 s";
                    }
                    faults += proxy.faultsInjected();
                    if (proxy.faultsInjected() > 0) {
                        faulted++;
                    }
                    if (verdict != null) {
                        unclean.add("run " + i + " (" + setup.name() + ", " + described.get(0) + ", faults "
                                + proxy.exchanges().stream().filter(x -> x.fault() != Fault.NONE)
                                        .map(x -> x.fault() + " " + S3Operation.of(x.request()))
                                        .collect(Collectors.toList()) + "): " + verdict);
                    }
                }
            }
        } finally {
            runner.shutdownNow();
        }
        TestReport.line("S3ImportFaultTest", String.format("%d runs, %d faulted runs (%d faults; %d runs succeeded,"
                        + " %d failed): %d clean, in %d s", RUNS, faulted, faults, succeeded, failed, RUNS - unclean.size(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)));
        assertThat(unclean).isEmpty();
        assertThat(faulted).isGreaterThanOrEqualTo(RUNS * 3 / 4);
    }

    /** Null when the success is clean, else what is wrong. */
    private static String checkSuccess(Setup setup, CheckingSink sink, ImportResult r) {
        if (!sink.committed || sink.aborted) {
            return "succeeded but the sink was " + (sink.aborted ? "aborted" : "not committed");
        }
        if (sink.problem != null) {
            return "rows: " + sink.problem;
        }
        IncrementalState next = r.nextState().orElse(null);
        if (!setup.next().equals(next)) {
            return "next state " + (next == null ? null : next.toJson()) + ", expected " + setup.next().toJson();
        }
        return null;
    }

    /** Null when the failure is clean, else what is wrong. */
    private static String checkFailure(CheckingSink sink, Throwable e) {
        if (!(e instanceof FerryException)) {
            return "threw " + e;
        }
        if (sink.committed) {
            return "failed after committing the sink: " + e.getMessage();
        }
        if (!sink.aborted) {
            return "failed without aborting the sink: " + e.getMessage();
        }
        return null;
    }
}
