package io.ferry.samples;

import io.ferry.core.incremental.IncrementalState;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.schedule.CronScheduler;
import io.ferry.core.schedule.JobContext;
import io.ferry.core.schedule.JobInfo;
import io.ferry.core.schedule.JobReport;
import io.ferry.core.schedule.JobRun;
import io.ferry.core.schedule.JobStatus;
import io.ferry.core.schedule.JobTrigger;
import io.ferry.core.schedule.Schedule;
import io.ferry.core.schedule.SchedulerListener;
import io.ferry.core.schedule.StateStore;
import io.ferry.core.sink.CollectingSink;
import io.ferry.embedded.s3.EmbeddedS3;
import io.ferry.formats.Compression;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.s3.S3Connection;
import io.ferry.s3.export.ExportResult;
import io.ferry.s3.export.S3Export;
import io.ferry.s3.imports.ImportResult;
import io.ferry.s3.imports.S3Import;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Runs a scheduled export and a scheduled incremental import against an embedded S3Mock, in real
 * time, with a {@link CronScheduler}:
 *
 * <ul>
 *   <li>{@code export_page_views}, cron {@code * * * * *}: each run writes the page views of the
 *       minute before its fire time to one gzip CSV object keyed
 *       {@code scheduled/page_views/YYYY/MM/DD/HHMM-UUID.csv.gz}. It also runs once at start
 *       ({@code runNow}), so the bucket is not empty while the first minute passes.</li>
 *   <li>{@code import_page_views}, the same cron with a 30 s delay: imports the objects written
 *       since its last run, keeping its {@link IncrementalState} in the scheduler's JSON file
 *       {@link StateStore}; it runs once more at the end to catch up.</li>
 * </ul>
 *
 * <p>Cron has minute resolution, so the sample waits for real minute boundaries: with the default
 * {@code --runs 2} it ends after the second scheduled export, one to two minutes after start.
 * Then it prints the job list, each job's history, the bucket and the state file, checks that
 * every exported object was imported exactly once, and closes the scheduler and S3Mock.
 *
 * <pre>
 * mvn -B -ntp -q -pl samples -am test-compile exec:java -Dsample.main=io.ferry.samples.ScheduledExportSample
 * mvn -B -ntp -q -pl samples -am test-compile exec:java -Dsample.main=io.ferry.samples.ScheduledExportSample \
 *     -Dsample.args="--runs 3 --rows 5000"
 * </pre>
 */
public final class ScheduledExportSample {
    static final Schema PAGE_VIEWS = Schema.of(
            Column.of("id", ColumnType.LONG),
            Column.of("at", ColumnType.TIMESTAMP),
            Column.of("path", ColumnType.STRING),
            Column.of("status", ColumnType.LONG),
            Column.of("bytes", ColumnType.LONG));

    private static final String BUCKET = "ferry-scheduled";
    private static final String PREFIX = "scheduled/page_views/";
    private static final String EXPORT_JOB = "export_page_views";
    private static final String IMPORT_JOB = "import_page_views";
    private static final String[] PATHS = {"/", "/pricing", "/docs/export", "/docs/import", "/blog/ferry", "/login"};
    private static final long[] STATUS = {200, 200, 200, 200, 304, 404, 500};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final S3Export export;
    private final S3Import importer;
    private final int rowsPerRun;
    private final AtomicLong nextId = new AtomicLong();
    private final Set<String> exportedKeys = new ConcurrentSkipListSet<>();
    private final List<String> importedKeys = new ArrayList<>();
    private final AtomicLong exportedRows = new AtomicLong();
    private final AtomicLong importedRows = new AtomicLong();

    private ScheduledExportSample(S3Connection connection, int rowsPerRun) {
        this.rowsPerRun = rowsPerRun;
        this.export = S3Export.builder().connection(connection).bucket(BUCKET)
                .path(PREFIX + "{{YEAR}}/{{MONTH}}/{{DAY}}/{{HOUR}}{{MINUTE}}-{{UUID}}.{{FORMAT}}")
                .format(CsvFormat.csv()).compression(Compression.GZIP)
                .build();
        // path mode is exact here: keys begin with the export's start minute, scheduled exports start at :00
        // and imports at :30, so no new key sorts before one already imported
        this.importer = S3Import.builder().connection(connection).bucket(BUCKET)
                .pathPrefix(PREFIX).pathMatchPattern("\\.csv\\.gz$")
                .incremental(true).guess()
                .build();
    }

    /** Runs the sample; {@code --runs N} scheduled exports to wait for (default 2), {@code --rows N} per run (default 1000). */
    public static void main(String[] args) {
        int runs = 2;
        int rows = 1_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs":
                    runs = Integer.parseInt(args[++i]);
                    break;
                case "--rows":
                    rows = Integer.parseInt(args[++i]);
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument " + args[i] + "; use [--runs N] [--rows N]");
            }
        }
        if (runs < 1 || rows < 1) {
            throw new IllegalArgumentException("--runs and --rows must be at least 1, were " + runs + " and " + rows);
        }
        Path stateFile = Path.of("target", "scheduled-export-sample", "ferry-state.json").toAbsolutePath();
        try {
            Files.createDirectories(stateFile.getParent());
            Files.deleteIfExists(stateFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("Starting an embedded S3Mock on 127.0.0.1 (a few seconds)...");
        try (EmbeddedS3 s3 = EmbeddedS3.start(BUCKET);
             S3Client client = S3Client.builder().region(Region.US_EAST_1).endpointOverride(s3.endpoint())
                     .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                             AwsBasicCredentials.create("sample", "sample-secret"))).build()) {
            S3Connection connection = S3Connection.builder().client(client).build();
            new ScheduledExportSample(connection, rows).run(runs, stateFile, client);
        }
    }

    private void run(int runs, Path stateFile, S3Client client) {
        CountDownLatch scheduledExports = new CountDownLatch(runs);
        List<JobRun> failed = new ArrayList<>();
        SchedulerListener listener = new SchedulerListener() {
            @Override
            public void runFinished(JobRun run) {
                System.out.println("  " + line(run));
                if (run.status() == JobStatus.FAILED) {
                    synchronized (failed) {
                        failed.add(run);
                    }
                }
                if (run.jobName().equals(EXPORT_JOB) && run.trigger() == JobTrigger.SCHEDULED
                        && run.status() != JobStatus.SKIPPED) {
                    scheduledExports.countDown();
                }
            }
        };
        try (CronScheduler scheduler = CronScheduler.builder().stateStore(StateStore.jsonFile(stateFile))
                .listener(listener).build()) {
            System.out.println();
            System.out.println("== first export, now (runNow)");
            scheduler.schedule(EXPORT_JOB, Schedule.cron("* * * * *"), this::exportOnce);
            scheduler.runNow(EXPORT_JOB).join();
            // registered after the first export, so no import runs before that export's object exists
            scheduler.schedule(IMPORT_JOB, Schedule.builder().cron("* * * * *").delay(Duration.ofSeconds(30)).build(),
                    this::importOnce);
            System.out.println();
            System.out.println("== jobs at " + TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + " UTC");
            printJobs(scheduler);
            System.out.printf(Locale.ROOT, "%n== runs, real time (waiting for %d scheduled export%s)%n", runs,
                    runs == 1 ? "" : "s");
            awaitQuietly(scheduledExports, Duration.ofSeconds(60L * runs + 60));
            catchUpImport(scheduler);

            System.out.println();
            System.out.println("== jobs");
            printJobs(scheduler);
            for (String job : List.of(EXPORT_JOB, IMPORT_JOB)) {
                System.out.println();
                System.out.println("== history " + job + " (newest first)");
                scheduler.history(job).forEach(r -> System.out.println("  " + line(r)));
            }
        }
        printBucket(client);
        printStateFile(stateFile);
        printCheck();
        if (scheduledExports.getCount() > 0 || !failed.isEmpty()) {
            throw new IllegalStateException("the sample did not finish as expected: " + scheduledExports.getCount()
                    + " scheduled exports missing, failed runs " + failed);
        }
    }

    private JobReport exportOnce(JobContext ctx) {
        Instant to = ctx.scheduledTime().orElse(ctx.startTime()).truncatedTo(ChronoUnit.SECONDS);
        ExportResult r = export.write("page_views", PAGE_VIEWS,
                pageViews(to.minus(Duration.ofMinutes(1)), to, nextId.getAndAdd(rowsPerRun), rowsPerRun));
        r.objects().forEach(o -> exportedKeys.add(o.key()));
        exportedRows.addAndGet(r.rows());
        return JobReport.of(r.rows(), objects(r.objectCount()) + ": " + r.objects().stream()
                .map(o -> String.format(Locale.ROOT, "%s (%,d bytes)", o.key(), o.bytes()))
                .collect(Collectors.joining(", ")));
    }

    private JobReport importOnce(JobContext ctx) {
        Optional<String> saved = ctx.loadState();
        S3Import run = saved.isPresent()
                ? importer.toBuilder().state(IncrementalState.fromJson(saved.get())).build()
                : importer;
        ImportResult r = run.run(new CollectingSink());
        r.nextState().ifPresent(s -> ctx.saveState(s.toJson()));
        synchronized (importedKeys) {
            r.objects().forEach(o -> importedKeys.add(o.key()));
        }
        importedRows.addAndGet(r.rows());
        return JobReport.of(r.rows(), objects(r.objects().size()) + ", next state "
                + r.nextState().map(IncrementalState::toJson).orElse("(none yet)"));
    }

    private static String objects(int n) {
        return n + (n == 1 ? " object" : " objects");
    }

    /** The last import may find its scheduled twin running; then it waits and asks again (for up to a minute). */
    private static void catchUpImport(CronScheduler scheduler) {
        System.out.println("  (catching up: one more import now)");
        for (int i = 0; i < 120 && scheduler.runNow(IMPORT_JOB).join().status() == JobStatus.SKIPPED; i++) {
            sleepQuietly(Duration.ofMillis(500));
        }
    }

    private static void printJobs(CronScheduler scheduler) {
        System.out.printf(Locale.ROOT, "  %-18s %-30s %-8s %-9s %s%n", "name", "schedule", "enabled", "next run",
                "then");
        for (JobInfo job : scheduler.list()) {
            String next = job.nextRun().map(TIME::format).orElse("-");
            String then = job.nextRun().map(n -> following(job.schedule(), n, 2)).orElse("-");
            System.out.printf(Locale.ROOT, "  %-18s %-30s %-8s %-9s %s%n", job.name(), job.schedule(), job.enabled(),
                    next, then);
        }
    }

    private static String following(Schedule schedule, ZonedDateTime first, int count) {
        List<String> times = new ArrayList<>();
        ZonedDateTime t = first;
        for (int i = 0; i < count; i++) {
            t = schedule.nextRun(t.toInstant()).orElseThrow();
            times.add(TIME.format(t));
        }
        return String.join(", ", times);
    }

    private static String line(JobRun run) {
        return String.format(Locale.ROOT, "%s %-17s %-9s %-9s %6s records  %s", TIME.format(run.start().atZone(
                ZoneOffset.UTC)), run.jobName(), run.trigger(), run.status(),
                run.records().isPresent() ? Long.toString(run.records().getAsLong()) : "-",
                run.error().or(() -> run.report().detail()).orElse(""));
    }

    private static void printBucket(S3Client client) {
        System.out.println();
        System.out.println("== s3://" + BUCKET + "/");
        for (S3Object o : client.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents()) {
            System.out.printf(Locale.ROOT, "  %-70s %,8d bytes%n", o.key(), o.size());
        }
    }

    private static void printStateFile(Path stateFile) {
        try {
            System.out.println();
            System.out.println("== " + stateFile);
            Files.readString(stateFile, StandardCharsets.UTF_8).strip().lines().forEach(l -> System.out.println("  " + l));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void printCheck() {
        Set<String> imported;
        boolean duplicates;
        synchronized (importedKeys) {
            imported = new TreeSet<>(importedKeys);
            duplicates = imported.size() != importedKeys.size();
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "== exported %,d rows in %d objects; imported %,d rows from %d objects;"
                + " every object imported exactly once: %s%n", exportedRows.get(), exportedKeys.size(),
                importedRows.get(), imported.size(), !duplicates && imported.equals(exportedKeys));
    }

    /** {@code rows} page views spread evenly over {@code [from, to)}, ids from {@code firstId}. */
    static Iterable<Record> pageViews(Instant from, Instant to, long firstId, int rows) {
        Random random = new Random(from.getEpochSecond());
        long spanMillis = Duration.between(from, to).toMillis();
        List<Record> records = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            records.add(Record.of(PAGE_VIEWS, firstId + i, from.plusMillis(spanMillis * i / rows),
                    PATHS[random.nextInt(PATHS.length)], STATUS[random.nextInt(STATUS.length)],
                    200L + random.nextInt(50_000)));
        }
        return records;
    }

    private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
        try {
            latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
