package io.ferry.td;

import static io.ferry.td.TdTestData.SCHEMA;
import static io.ferry.td.TdTestData.freshDatabase;
import static io.ferry.td.TdTestData.records;
import static io.ferry.td.TdTestData.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.td.testing.LocalTdServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link TdWriteListener} events against LocalTdServer: order, figures, and a listener that throws. */
class TdWriteListenerTest {
    @RegisterExtension
    static final LocalTdServerExtension TD = new LocalTdServerExtension();

    private static final int ROWS = 25_000;

    /** One event as the listener saw it. */
    private record Event(String kind, String table, long number, long rows, long bytes) {
    }

    private static TdWriteListener recording(List<Event> events, Consumer<String> onEvent) {
        return new TdWriteListener() {
            @Override
            public void chunkUploaded(String table, int chunk, long rows, long bytes) {
                onEvent.accept("chunkUploaded");
                events.add(new Event("chunk", table, chunk, rows, bytes));
            }

            @Override
            public void progress(TdWriteProgress p) {
                onEvent.accept("progress");
                events.add(new Event("progress", null, p.chunks(), p.rows(), p.bytes()));
            }
        };
    }

    @Test
    void write_replace_chunksAndProgressArriveInOrderWithTheResultsFigures() {
        String db = freshDatabase(TD.server());
        List<Event> events = new ArrayList<>();
        TdWriter w = writer(TD.server(), db, "events").mode(TdWriteMode.REPLACE).chunkSize(64 * 1024)
                .listener(recording(events, e -> { })).build();

        TdWriteResult r = w.write(SCHEMA, records(0, ROWS));

        long chunks = 0;
        long rows = 0;
        long bytes = 0;
        List<Long> rowMarks = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (e.kind().equals("chunk")) {
                assertThat(e.number()).as("chunk numbers count from 1").isEqualTo(++chunks);
                assertThat(e.table()).as("a replace imports into its temporary table")
                        .isNotEqualTo(db + ".events").isIn(r.tablesTouched());
                assertThat(e.rows()).isPositive();
                rows += e.rows();
                bytes += e.bytes();
                assertThat(events.get(i + 1)).as("each chunk is followed by progress")
                        .isEqualTo(new Event("progress", null, chunks, rows, bytes));
            } else if (i == 0 || !events.get(i - 1).kind().equals("chunk")) {
                assertThat(e.rows() % 10_000).as("progress between chunks comes every 10,000 rows").isZero();
                assertThat(e.number()).isEqualTo(chunks);
                assertThat(e.bytes()).isEqualTo(bytes);
                rowMarks.add(e.rows());
            }
        }
        assertThat(rowMarks).containsExactly(10_000L, 20_000L);
        assertThat(chunks).isEqualTo(r.chunks()).isGreaterThan(3);
        assertThat(rows).isEqualTo(r.rows()).isEqualTo(ROWS);
        assertThat(bytes).isEqualTo(r.bytes());
        assertThat(events.get(events.size() - 1)).isEqualTo(new Event("progress", null, chunks, ROWS, bytes));
        assertThat(TD.server().rows(db, "events")).hasSize(ROWS);
        assertThat(w.toBuilder().build().listener()).isSameAs(w.listener());
    }

    /** As in an export: the listener's exception fails the write and reaches the caller unchanged; nothing is published. */
    @ParameterizedTest
    @ValueSource(strings = {"chunkUploaded", "progress"})
    void write_listenerThrows_abortsAndRethrowsUnchanged(String event) {
        String db = freshDatabase(TD.server());
        writer(TD.server(), db, "events").build().write(SCHEMA, records(1, 2));
        IllegalStateException broken = new IllegalStateException("listener broke on " + event);
        int[] calls = {0};
        TdWriter w = writer(TD.server(), db, "events").mode(TdWriteMode.REPLACE).chunkSize(1024)
                .listener(recording(new ArrayList<>(), e -> {
                    if (e.equals(event) && ++calls[0] == 2) {
                        throw broken;
                    }
                })).build();

        assertThatThrownBy(() -> w.write(SCHEMA, records(100, 500))).isSameAs(broken);
        assertThat(TD.server().rows(db, "events")).hasSize(2);
        assertThat(TD.server().tables(db)).as("the temporary table is deleted").containsExactly("events");
    }

    @Test
    void tdWriteProgress_of_keepsFigures() {
        TdWriteProgress p = TdWriteProgress.of(12, 3, 456, Duration.ofMillis(78));
        assertThat(p.rows()).isEqualTo(12);
        assertThat(p.chunks()).isEqualTo(3);
        assertThat(p.bytes()).isEqualTo(456);
        assertThat(p.elapsed()).isEqualTo(Duration.ofMillis(78));
        assertThat(p).hasToString("12 rows, 3 chunks, 456 bytes, 78 ms");
    }
}
