package io.ferry.s3.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.sink.RecordSink;
import io.ferry.formats.read.ParserConfig;
import io.ferry.s3.testing.SharedS3Mock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ImportListener} events from {@link S3Import#run} against S3Mock: order, figures, and a listener that throws. */
class S3ImportListenerTest {
    private static final ImportFixture S3 = new ImportFixture(SharedS3Mock.get());
    private static final ParserConfig PARSER = ParserConfig.builder().noQuote().column("id", ColumnType.LONG).build();
    /** Rows per object, in key order: the middle one crosses the 10,000th and 20,000th row of the run. */
    private static final Map<String, Integer> OBJECTS = Map.of("l/a.csv", 3, "l/b.csv", 25_000, "l/c.csv", 2);

    private static String bucket;
    private static long sizeA;
    private static long sizeB;
    private static long sizeC;

    @BeforeAll
    static void fill() {
        bucket = S3.newBucket("import-listen");
        long id = 0;
        for (String key : List.of("l/a.csv", "l/b.csv", "l/c.csv")) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < OBJECTS.get(key); i++) {
                text.append(id++).append('\n');
            }
            S3.put(bucket, key, text.toString());
        }
        sizeA = size("l/a.csv");
        sizeB = size("l/b.csv");
        sizeC = size("l/c.csv");
    }

    private static long size(String key) {
        return S3.client().headObject(b -> b.bucket(bucket).key(key)).contentLength();
    }

    /** A sink that logs open, commit and abort into the same list as the listener. */
    private record LoggingSink(List<String> events) implements RecordSink {
        @Override
        public void open(Schema schema) {
            events.add("open");
        }

        @Override
        public void write(Record record) {
            // rows are counted by the listener's figures
        }

        @Override
        public void commit() {
            events.add("commit");
        }

        @Override
        public void abort() {
            events.add("abort");
        }
    }

    /** Logs every event as a line; {@code onEvent} runs first, so a test can make it throw. */
    private static ImportListener logging(List<String> events, List<ImportProgress> progress, Consumer<String> onEvent) {
        return new ImportListener() {
            @Override
            public void objectStarted(String b, String key) {
                onEvent.accept("objectStarted");
                events.add("start " + b.equals(bucket) + " " + key);
            }

            @Override
            public void progress(ImportProgress p) {
                onEvent.accept("progress");
                progress.add(p);
                events.add("progress " + p.objects() + "/" + p.selectedObjects() + " " + p.rows() + " " + p.bytes()
                        + "/" + p.selectedBytes());
            }

            @Override
            public void objectImported(ImportedObject o) {
                onEvent.accept("objectImported");
                events.add("done " + o.key() + " " + o.rows() + " " + o.bytes());
            }
        };
    }

    @Test
    void run_listener_receivesEventsInOrderWithTheRunsFigures() {
        List<String> events = new ArrayList<>();
        List<ImportProgress> progress = new ArrayList<>();
        ImportResult r = S3.imports(bucket).pathPrefix("l/").parser(PARSER)
                .listener(logging(events, progress, e -> { })).build().run(new LoggingSink(events));

        long total = sizeA + sizeB + sizeC;
        assertThat(events).containsExactly(
                "open",
                "progress 0/3 0 0/" + total,
                "start true l/a.csv",
                "done l/a.csv 3 " + sizeA,
                "progress 1/3 3 " + sizeA + "/" + total,
                "start true l/b.csv",
                "progress 1/3 10000 " + sizeA + "/" + total,
                "progress 1/3 20000 " + sizeA + "/" + total,
                "done l/b.csv 25000 " + sizeB,
                "progress 2/3 25003 " + (sizeA + sizeB) + "/" + total,
                "start true l/c.csv",
                "done l/c.csv 2 " + sizeC,
                "progress 3/3 25005 " + total + "/" + total,
                "commit");
        ImportProgress last = progress.get(progress.size() - 1);
        assertThat(last.rows()).isEqualTo(r.rows());
        assertThat(last.bytes()).isEqualTo(r.bytes());
        assertThat(last.elapsed()).isLessThanOrEqualTo(r.duration());
        for (int i = 1; i < progress.size(); i++) {
            assertThat(progress.get(i).elapsed()).isGreaterThanOrEqualTo(progress.get(i - 1).elapsed());
        }
        assertThat(last.toString()).startsWith("3/3 objects, 25005 rows, " + total + "/" + total + " bytes, ");
    }

    @Test
    void preview_sendsNoEvents() {
        List<String> events = new ArrayList<>();
        S3Import imp = S3.imports(bucket).pathPrefix("l/").parser(PARSER)
                .listener(logging(events, new ArrayList<>(), e -> { })).build();

        assertThat(imp.preview(5).rows()).hasSize(5);
        assertThat(events).isEmpty();
        assertThat(imp.toBuilder().build().listener()).isSameAs(imp.listener());
    }

    /** As in an export: the listener's exception fails the run and reaches the caller unchanged; the sink is aborted. */
    @ParameterizedTest
    @ValueSource(strings = {"objectStarted", "progress", "objectImported"})
    void run_listenerThrows_abortsTheSinkAndRethrowsUnchanged(String event) {
        List<String> events = new ArrayList<>();
        IllegalStateException broken = new IllegalStateException("listener broke on " + event);
        int[] calls = {0};
        S3Import imp = S3.imports(bucket).pathPrefix("l/").parser(PARSER)
                .listener(logging(events, new ArrayList<>(), e -> {
                    if (e.equals(event) && ++calls[0] == 2) {
                        throw broken;
                    }
                })).build();

        assertThatThrownBy(() -> imp.run(new LoggingSink(events))).isSameAs(broken);
        assertThat(events).last().isEqualTo("abort");
        assertThat(events).doesNotContain("commit");
    }

    @Test
    void importProgress_of_keepsFigures() {
        ImportProgress p = ImportProgress.of(1, 4, 10, 100, 400, Duration.ofMillis(1500));
        assertThat(p.objects()).isEqualTo(1);
        assertThat(p.selectedObjects()).isEqualTo(4);
        assertThat(p.rows()).isEqualTo(10);
        assertThat(p.bytes()).isEqualTo(100);
        assertThat(p.selectedBytes()).isEqualTo(400);
        assertThat(p.elapsed()).isEqualTo(Duration.ofMillis(1500));
        assertThat(p).hasToString("1/4 objects, 10 rows, 100/400 bytes, 1500 ms");
    }
}
