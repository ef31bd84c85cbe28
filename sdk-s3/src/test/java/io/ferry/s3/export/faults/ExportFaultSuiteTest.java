package io.ferry.s3.export.faults;

import static io.ferry.s3.export.faults.ExportRig.S3;
import static io.ferry.s3.export.faults.ExportRig.client;
import static io.ferry.s3.export.faults.ExportRig.ids;
import static io.ferry.s3.export.faults.ExportRig.keys;
import static io.ferry.s3.export.faults.ExportRig.once;
import static io.ferry.s3.export.faults.ExportRig.text;
import static io.ferry.s3.export.faults.ExportRig.uploads;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.FerryException;
import io.ferry.core.testing.TestReport;
import io.ferry.formats.Compression;
import io.ferry.s3.export.ExportResult;
import io.ferry.s3.export.ExportedObject;
import io.ferry.s3.export.S3Export;
import io.ferry.s3.export.WriteStrategy;
import io.ferry.testkit.Fault;
import io.ferry.testkit.FaultPlan;
import io.ferry.testkit.FaultProxy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Seeded fault runs over every kind of export, with every {@link Fault} at every request kind
 * (the plan picks faults for any request: puts, parts, uploads started, completed, aborted and
 * listed, HEADs, deletes, the probe), and the AWS SDK's own retries on. After each run: on
 * success exactly the listed objects exist under the run's prefix, each with exactly its rows,
 * every row once, and nothing else; on failure only a {@link FerryException}, nothing new under
 * CREATE_NEW, under REPLACE only the keys the exception names as replaced changed (and those hold
 * complete new objects), and no multipart upload is left under the prefix.
 *
 * <p>The build runs {@value #CI_RUNS} runs; {@code -Dferry.faults.runs=N} runs N
 * ({@code -Dferry.faults.seed=S} changes the seed). Stalls (300 ms) stay far below the SDK's
 * timeouts, so a stalled request is never abandoned while the store still acts on it.
 */
class ExportFaultSuiteTest {
    private static final boolean VERBOSE = Boolean.getBoolean("ferry.faults.verbose");
    private static final int CI_RUNS = 100;
    private static final List<Fault> FAULTS = Arrays.stream(Fault.values()).filter(f -> f != Fault.NONE)
            .collect(Collectors.toList());

    /** The shapes of export the suite rotates through. */
    private enum Kind {
        SINGLE_GZIP(1), MULTIPART(1), ROTATED(3), PARTITIONED(4);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }

        static Kind pick(Random random) {
            int total = Arrays.stream(values()).mapToInt(k -> k.weight).sum();
            int n = random.nextInt(total);
            for (Kind k : values()) {
                n -= k.weight;
                if (n < 0) {
                    return k;
                }
            }
            throw new AssertionError();
        }
    }

    /** One run's setup: export, rows, and the objects that existed before it (key -> content). */
    private record Run(int number, Kind kind, WriteStrategy strategy, String prefix, S3Export.Builder export,
                       int rows, int partitions, int payload, Map<String, String> before) {
    }

    @Test
    void seededFaults_everyRunPublishesExactlyOnceOrFailsCleanly() {
        int runs = Integer.getInteger("ferry.faults.runs", CI_RUNS);
        long seed = Long.getLong("ferry.faults.seed", 20261206L);
        String bucket = S3.newBucket("faults");
        List<String> problems = new ArrayList<>();
        int succeeded = 0;
        int failed = 0;
        long faults = 0;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            // mixed: java.util.Random's first draws from consecutive seeds are nearly equal
            Random random = new Random(new SplittableRandom(seed * 1_000_003L + i).nextLong());
            // at most 8 faults: a check or delete of the rollback, tried 3 times with the SDK's 4 attempts each,
            // always gets through, so a failed run must always clean up
            double rate = new double[] {0.05, 0.15, 0.35, 0.6}[random.nextInt(4)];
            int maxFaults = new int[] {1, 2, 4, 8}[random.nextInt(4)];
            FaultPlan plan = FaultPlan.seeded(random.nextLong(), rate, maxFaults, FAULTS, r -> true)
                    .withStall(Duration.ofMillis(300));
            long runStart = System.nanoTime();
            try (FaultProxy proxy = ExportRig.proxy(plan)) {
                Run run = setUp(i, random, proxy, bucket);
                String outcome;
                long exportStart = System.nanoTime();
                long exportMillis;
                try {
                    ExportResult result = run.export().build().write("t", ExportRig.SCHEMA,
                            ExportRig.rows(run.rows(), run.partitions(), run.payload(), i));
                    exportMillis = (System.nanoTime() - exportStart) / 1_000_000;
                    succeeded++;
                    outcome = checkSuccess(bucket, run, result);
                } catch (RuntimeException e) {
                    exportMillis = (System.nanoTime() - exportStart) / 1_000_000;
                    failed++;
                    outcome = checkFailure(bucket, run, e);
                }
                faults += proxy.faultsInjected();
                long millis = (System.nanoTime() - runStart) / 1_000_000;
                if (VERBOSE) {
                    System.out.printf("run %d (%s, %s): %d ms (export %d ms), %s, faults %s%n", i, run.kind(),
                            run.strategy(), millis, exportMillis, outcome == null ? "clean" : "NOT CLEAN",
                            describe(proxy));
                }
                if (outcome != null) {
                    problems.add("run " + i + " (" + run.kind() + ", " + run.strategy() + ", seed " + seed
                            + ", rate " + rate + ", max " + maxFaults + ", faults " + describe(proxy) + "): "
                            + outcome);
                }
            }
        }
        // the suite's report line: the test log, and the console in an on-demand run
        TestReport.line("ExportFaultSuiteTest", String.format("%d faulted runs: %d clean (%d succeeded, %d failed"
                + " cleanly; %d faults injected) in %d s", runs, runs - problems.size(), succeeded, failed, faults,
                (System.nanoTime() - start) / 1_000_000_000L));
        assertThat(problems).isEmpty();
        // the faults must really have happened, and a long enough suite sees both outcomes
        assertThat(faults).isGreaterThan(runs / 2);
        if (runs >= 100) {
            assertThat(succeeded).isPositive();
            assertThat(failed).isPositive();
        }
    }

    private static String describe(FaultProxy proxy) {
        return proxy.exchanges().stream().filter(e -> e.fault() != Fault.NONE)
                .map(e -> e.fault() + "@" + io.ferry.testkit.S3Operation.of(e.request()))
                .collect(Collectors.joining(" "));
    }

    private static Run setUp(int i, Random random, FaultProxy proxy, String bucket) {
        Kind kind = Kind.pick(random);
        WriteStrategy strategy = random.nextBoolean() ? WriteStrategy.CREATE_NEW : WriteStrategy.REPLACE;
        String prefix = "run" + i + "/";
        S3Export.Builder export = ExportRig.export(proxy, bucket);
        Map<String, String> before = new HashMap<>();
        int rows;
        int partitions = 1;
        int payload = 20;
        switch (kind) {
            case SINGLE_GZIP:
                export.path(prefix + "one/all").compression(Compression.GZIP);
                rows = 300;
                if (random.nextBoolean()) {
                    before.put(prefix + "one/all.csv.gz", "old all\n");
                }
                break;
            case MULTIPART:
                // 3 parts of 5 MiB (the minimum); no object exists at its key beforehand: S3Mock 5.2.0
                // deletes an existing object when an upload to its key is aborted, S3 does not
                export.path(prefix + "big/data.csv").partSize(5);
                rows = 100_000;
                payload = 100;
                break;
            case ROTATED:
                export.path(prefix + "rot/{{UUID}}.csv").maxRowsPerObject(40);
                rows = 120;
                break;
            default:
                export.path(prefix + "p/{part}.csv");
                rows = 240;
                partitions = 12;
                for (int p = 0; p < 12; p++) {
                    if (random.nextInt(3) == 0) {
                        before.put(prefix + "p/" + p + ".csv", "old " + p + "\n");
                    }
                }
                break;
        }
        export.writeStrategy(strategy);
        before.forEach((k, v) -> client().putObject(b -> b.bucket(bucket).key(k), RequestBody.fromString(v)));
        return new Run(i, kind, strategy, prefix, export, rows, partitions, payload, before);
    }

    /** Null when the successful run is exactly right, else what is wrong. */
    private static String checkSuccess(String bucket, Run run, ExportResult result) {
        List<String> listed = result.objects().stream().map(ExportedObject::key).sorted().collect(Collectors.toList());
        if (new HashSet<>(listed).size() != listed.size()) {
            return "the result lists a key twice: " + listed;
        }
        Set<String> expected = new TreeSet<>(listed);
        for (Map.Entry<String, String> old : run.before().entrySet()) {
            if (!listed.contains(old.getKey())) {
                expected.add(old.getKey());
                if (!text(bucket, old.getKey()).equals(old.getValue())) {
                    return "an object that was not written changed: " + old.getKey();
                }
            } else if (run.strategy() == WriteStrategy.CREATE_NEW) {
                return "CREATE_NEW listed an existing key: " + old.getKey();
            }
        }
        Map<String, String> present = eTags(bucket, run.prefix());
        if (!present.keySet().equals(expected)) {
            return "objects under the prefix " + present.keySet() + ", expected " + expected;
        }
        Map<Long, Integer> counts = new TreeMap<>();
        for (ExportedObject o : result.objects()) {
            List<Long> ids = ids(bucket, o.key());
            ids.forEach(id -> counts.merge(id, 1, Integer::sum));
            if (o.rows() != ids.size()) {
                return o.key() + " holds " + ids.size() + " rows, the result says " + o.rows();
            }
            if (!present.get(o.key()).equals(o.eTag())) {
                return o.key() + " has ETag " + present.get(o.key()) + ", the result says " + o.eTag();
            }
        }
        if (!counts.equals(once(run.rows()))) {
            return "rows read back are not each row once: " + counts.size() + " distinct of " + run.rows()
                    + ", duplicates " + counts.values().stream().filter(c -> c > 1).count();
        }
        List<String> left = uploads(bucket, run.prefix());
        return left.isEmpty() ? null : "multipart uploads left: " + left;
    }

    /** Key -> ETag of the objects under {@code prefix}, from one listing. */
    private static Map<String, String> eTags(String bucket, String prefix) {
        Map<String, String> eTags = new TreeMap<>();
        client().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()
                .forEach(o -> eTags.put(o.key(), o.eTag()));
        return eTags;
    }

    /** Null when the failed run failed cleanly, else what is wrong. */
    private static String checkFailure(String bucket, Run run, RuntimeException e) {
        if (!(e instanceof FerryException)) {
            return "not a FerryException: " + stackTrace(e);
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("could not check or remove")) {
            return "the rollback left objects: " + message;
        }
        Set<String> replaced = replacedKeys(bucket, message);
        if (run.strategy() == WriteStrategy.CREATE_NEW && !replaced.isEmpty()) {
            return "CREATE_NEW says it replaced " + replaced;
        }
        Set<String> expected = new TreeSet<>(run.before().keySet());
        for (Map.Entry<String, String> old : run.before().entrySet()) {
            String key = old.getKey();
            if (replaced.contains(key)) {
                String complete = completeNewObject(bucket, run, key);
                if (complete != null) {
                    return complete;
                }
            } else if (!text(bucket, key).equals(old.getValue())) {
                return key + " changed but the exception does not name it: " + message;
            }
        }
        if (!run.before().keySet().containsAll(replaced)) {
            return "the exception names as replaced keys that did not exist: " + replaced;
        }
        List<String> present = keys(bucket, run.prefix());
        if (!present.equals(new ArrayList<>(expected))) {
            return "a failed run left " + present + " (expected " + expected + "): " + message;
        }
        List<String> left = uploads(bucket, run.prefix());
        return left.isEmpty() ? null : "multipart uploads left after failure: " + left + ": " + message;
    }

    /** Null if {@code key} holds exactly the rows this run sends to it. */
    private static String completeNewObject(String bucket, Run run, String key) {
        List<Long> got = ids(bucket, key).stream().sorted().collect(Collectors.toList());
        List<Long> want = new ArrayList<>();
        String name = key.substring(key.lastIndexOf('/') + 1);
        for (long id = 0; id < run.rows(); id++) {
            if (run.kind() != Kind.PARTITIONED || name.equals(id % run.partitions() + ".csv")) {
                want.add(id);
            }
        }
        return got.equals(want) ? null : "replaced " + key + " does not hold its complete new rows";
    }

    /** Keys named after "; replaced " in a rollback message. */
    private static Set<String> replacedKeys(String bucket, String message) {
        Set<String> keys = new TreeSet<>();
        int at = message.indexOf("; replaced ");
        if (at < 0) {
            return keys;
        }
        int end = message.indexOf(" before failing", at);
        for (String uri : message.substring(at + "; replaced ".length(), end).split(", ")) {
            keys.add(uri.substring(("s3://" + bucket + "/").length()));
        }
        return keys;
    }

    private static String stackTrace(Throwable t) {
        StringWriter s = new StringWriter();
        t.printStackTrace(new PrintWriter(s));
        return s.toString();
    }
}
