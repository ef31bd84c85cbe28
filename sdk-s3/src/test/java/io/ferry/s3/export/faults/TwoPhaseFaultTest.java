package io.ferry.s3.export.faults;

import static io.ferry.s3.export.faults.ExportRig.S3;
import static io.ferry.s3.export.faults.ExportRig.ids;
import static io.ferry.s3.export.faults.ExportRig.keys;
import static io.ferry.s3.export.faults.ExportRig.text;
import static io.ferry.s3.export.faults.ExportRig.uploads;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.FerryException;
import io.ferry.core.record.Record;
import io.ferry.core.testing.TestReport;
import io.ferry.s3.export.ExportResult;
import io.ferry.s3.export.ExportWriter;
import io.ferry.s3.export.ExportedObject;
import io.ferry.s3.export.PreparedExport;
import io.ferry.s3.export.S3Export;
import io.ferry.s3.export.WriteStrategy;
import io.ferry.testkit.Fault;
import io.ferry.testkit.FaultPlan;
import io.ferry.testkit.FaultProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Seeded faults on the coordinator's side of a two-phase export: three writers prepare straight
 * against S3Mock, then {@code publish} runs through a {@link FaultProxy} that injects every
 * {@link Fault} into any of its requests (the sweep's listing, the completions, the HEADs that
 * recognise an upload completed by a lost answer, the manifest put, the rollback's deletes and
 * aborts). After each run: on success exactly the prepared objects and the manifest exist under
 * the run's prefix, each with exactly its rows, and no upload is left; on failure only a
 * {@link FerryException}, no object and no upload under the prefix.
 *
 * <p>The build runs {@value #CI_RUNS} runs; {@code -Dferry.faults.runs=N} runs N
 * ({@code -Dferry.faults.seed=S} changes the seed).
 */
class TwoPhaseFaultTest {
    private static final int CI_RUNS = 6;
    private static final List<Fault> FAULTS = Arrays.stream(Fault.values()).filter(f -> f != Fault.NONE)
            .collect(Collectors.toList());

    @Test
    void seededFaults_publishGivesExactlyTheObjectsOrFailsLeavingNoUpload() {
        int runs = Integer.getInteger("ferry.faults.runs", CI_RUNS);
        long seed = Long.getLong("ferry.faults.seed", 20261206L);
        String bucket = S3.newBucket("tp-faults");
        List<String> problems = new ArrayList<>();
        int succeeded = 0;
        int failed = 0;
        long faults = 0;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            Random random = new Random(new SplittableRandom(seed * 1_000_003L + i).nextLong());
            double rate = new double[] {0.05, 0.15, 0.35, 0.6}[random.nextInt(4)];
            int maxFaults = new int[] {1, 2, 4, 8}[random.nextInt(4)];
            boolean partitioned = random.nextBoolean();
            WriteStrategy strategy = random.nextBoolean() ? WriteStrategy.CREATE_NEW : WriteStrategy.REPLACE;
            String prefix = "run" + i + "/";
            String path = prefix + "{{SYNC_ID}}/" + (partitioned ? "p={part}/{{WRITER}}.csv" : "{{WRITER}}.csv");
            S3Export workers = S3Export.builder().bucket(bucket).connection(c -> c.client(S3.client())).path(path)
                    .writeStrategy(strategy).testWrite(false).build();
            List<PreparedExport> prepared = new ArrayList<>();
            Map<Long, Integer> sent = new TreeMap<>();
            for (int w = 0; w < 3; w++) {
                prepared.add(prepare(workers, w, 40 + random.nextInt(40), sent));
            }
            FaultPlan plan = FaultPlan.seeded(random.nextLong(), rate, maxFaults, FAULTS, r -> true)
                    .withStall(Duration.ofMillis(300));
            try (FaultProxy proxy = ExportRig.proxy(plan)) {
                S3Export coordinator = ExportRig.export(proxy, bucket).path(path).writeStrategy(strategy)
                        .exportToken(workers.exportToken()).manifest("_SUCCESS.json").build();
                String outcome;
                try {
                    ExportResult r = coordinator.publish(prepared);
                    succeeded++;
                    outcome = checkSuccess(bucket, prefix, workers.exportToken(), r, sent);
                } catch (RuntimeException e) {
                    failed++;
                    outcome = checkFailure(bucket, prefix, e);
                }
                faults += proxy.faultsInjected();
                if (outcome != null) {
                    problems.add("run " + i + " (" + (partitioned ? "partitioned" : "one object per writer") + ", "
                            + strategy + ", seed " + seed + ", rate " + rate + ", max " + maxFaults + "): " + outcome);
                }
            }
        }
        TestReport.line("TwoPhaseFaultTest", String.format("%d faulted publishes: %d clean (%d succeeded, %d failed"
                + " cleanly; %d faults injected) in %d s", runs, runs - problems.size(), succeeded, failed, faults,
                (System.nanoTime() - start) / 1_000_000_000L));
        assertThat(problems).isEmpty();
        assertThat(faults).isGreaterThan(runs / 2);
    }

    /** Writer {@code w} writes {@code rows} rows with ids {@code w*1000..} over 3 parts and prepares. */
    private static PreparedExport prepare(S3Export export, int w, int rows, Map<Long, Integer> sent) {
        try (ExportWriter writer = export.open("t", ExportRig.SCHEMA, "w" + w)) {
            for (int i = 0; i < rows; i++) {
                long id = w * 1000L + i;
                writer.write(Record.of(ExportRig.SCHEMA, String.valueOf(i % 3), id, "row" + id));
                sent.merge(id, 1, Integer::sum);
            }
            return writer.prepare();
        }
    }

    private static String checkSuccess(String bucket, String prefix, String token, ExportResult r,
                                       Map<Long, Integer> sent) {
        TreeSet<String> expected = r.objects().stream().map(ExportedObject::key)
                .collect(Collectors.toCollection(TreeSet::new));
        String manifest = prefix + token + "/_SUCCESS.json";
        expected.add(manifest);
        List<String> present = keys(bucket, prefix);
        if (!present.equals(new ArrayList<>(expected))) {
            return "objects under the prefix " + present + ", expected " + expected;
        }
        Map<Long, Integer> counts = new TreeMap<>();
        for (ExportedObject o : r.objects()) {
            List<Long> ids = ids(bucket, o.key());
            if (ids.size() != o.rows()) {
                return o.key() + " holds " + ids.size() + " rows, the result says " + o.rows();
            }
            ids.forEach(id -> counts.merge(id, 1, Integer::sum));
        }
        if (!counts.equals(sent)) {
            return "rows read back are not each row once: " + counts.size() + " distinct of " + sent.size();
        }
        String m = text(bucket, manifest);
        for (ExportedObject o : r.objects()) {
            if (!m.contains("\"" + o.key() + "\"")) {
                return "the manifest does not list " + o.key();
            }
        }
        List<String> left = uploads(bucket, prefix);
        return left.isEmpty() ? null : "multipart uploads left: " + left;
    }

    private static String checkFailure(String bucket, String prefix, RuntimeException e) {
        if (!(e instanceof FerryException)) {
            return "not a FerryException: " + e;
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("could not check or remove")) {
            return "the rollback left objects: " + message;
        }
        List<String> present = keys(bucket, prefix);
        if (!present.isEmpty()) {
            return "a failed publish left " + present + ": " + message;
        }
        List<String> left = uploads(bucket, prefix);
        return left.isEmpty() ? null : "multipart uploads left after failure: " + left + ": " + message;
    }
}
