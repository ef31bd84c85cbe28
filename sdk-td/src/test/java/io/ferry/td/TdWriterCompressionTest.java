package io.ferry.td;

import static io.ferry.td.TdTestData.SCHEMA;
import static io.ferry.td.TdTestData.freshDatabase;
import static io.ferry.td.TdTestData.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Record;
import io.ferry.td.testing.LocalTdServerExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The chunks' gzip: level and threads as options, every chunk imported whole whichever is chosen. */
class TdWriterCompressionTest {
    @RegisterExtension
    static final LocalTdServerExtension TD = new LocalTdServerExtension();

    /** Rows with random names, so the chunks span many 128 KiB gzip blocks. */
    private static List<Record> rows(int count) {
        Random random = new Random(count);
        List<Record> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(Record.of(SCHEMA, (long) i, Long.toHexString(random.nextLong()) + "-" + (i % 101)));
        }
        return rows;
    }

    @Test
    void threeThreads_severalChunks_everyRowImportedOnce() {
        String db = freshDatabase(TD.server());
        List<Record> rows = rows(120_000);
        TdWriteResult r = writer(TD.server(), db, "events").compressionThreads(3).chunkSize(1 << 20).build()
                .write(SCHEMA, rows);

        assertThat(r.chunks()).isGreaterThanOrEqualTo(2);
        List<String> names = TD.server().rows(db, "events").stream().map(m -> (String) m.get("name")).sorted()
                .collect(Collectors.toList());
        assertThat(names).isEqualTo(rows.stream().map(x -> (String) x.get(1)).sorted().collect(Collectors.toList()));
    }

    @Test
    void level9_smallerThanLevel1_onOneThreadAndOnThree() {
        List<Record> rows = rows(40_000);
        long[][] bytes = new long[2][10];
        for (int threads : new int[] {1, 3}) {
            for (int level : new int[] {1, 9}) {
                String db = freshDatabase(TD.server());
                TdWriteResult r = writer(TD.server(), db, "tbl").compressionThreads(threads).compressionLevel(level)
                        .build().write(SCHEMA, rows);
                bytes[threads == 1 ? 0 : 1][level] = r.bytes();
                assertThat(TD.server().rows(db, "tbl")).hasSize(rows.size());
            }
        }
        assertThat(bytes[0][9]).isLessThan(bytes[0][1]);
        assertThat(bytes[1][9]).isLessThan(bytes[1][1]);
        // blocks primed with the previous 32 KiB: within a few percent of one stream
        assertThat((double) bytes[1][1]).isLessThanOrEqualTo(bytes[0][1] * 1.03);
    }

    @Test
    void defaults_andBadValues() {
        TdWriter w = writer(TD.server(), "db_any", "tbl").build();
        assertThat(w.compressionLevel()).isEqualTo(1);
        assertThat(w.compressionThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(w.toBuilder().compressionThreads(2).compressionLevel(5).build().toBuilder().build())
                .satisfies(x -> {
                    assertThat(x.compressionThreads()).isEqualTo(2);
                    assertThat(x.compressionLevel()).isEqualTo(5);
                });
        assertThatThrownBy(() -> writer(TD.server(), "db_any", "tbl").compressionLevel(0))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("compressionLevel must be between 1 and 9, was 0 (compressionLevel)");
        assertThatThrownBy(() -> writer(TD.server(), "db_any", "tbl").compressionThreads(65))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("compressionThreads must be between 1 and 64, was 65 (compressionThreads)");
    }
}
