package io.ferry.s3.export;

import static io.ferry.s3.export.S3Fixture.export;
import static io.ferry.s3.export.S3Fixture.keys;
import static io.ferry.s3.export.S3Fixture.pendingUploads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an export does with an {@link ExportListener} that throws: the reference the import and TD
 * listeners follow (the exception reaches the caller unchanged, nothing stays published).
 */
class ExportListenerTest {
    private static final Schema SCHEMA = Schema.of(Column.of("part", ColumnType.STRING), Column.of("n", ColumnType.LONG));

    @ParameterizedTest
    @ValueSource(strings = {"objectStarted", "progress", "objectWritten"})
    void write_listenerThrows_rethrowsUnchangedAndLeavesNothing(String event) {
        String bucket = S3Fixture.S3.newBucket("export-listen");
        IllegalStateException broken = new IllegalStateException("listener broke on " + event);
        int[] calls = {0};
        Runnable onEvent = () -> {
            if (++calls[0] == 2) {
                throw broken;
            }
        };
        S3Export export = export(bucket).path("l/{part}.csv").listener(new ExportListener() {
            @Override
            public void objectStarted(String b, String key) {
                if (event.equals("objectStarted")) {
                    onEvent.run();
                }
            }

            @Override
            public void progress(ExportProgress p) {
                if (event.equals("progress")) {
                    onEvent.run();
                }
            }

            @Override
            public void objectWritten(ExportedObject o) {
                if (event.equals("objectWritten")) {
                    onEvent.run();
                }
            }
        }).build();
        List<Record> rows = new ArrayList<>();
        for (long i = 0; i < 25_000; i++) {
            rows.add(Record.of(SCHEMA, i % 2 == 0 ? "a" : "b", i));
        }

        assertThatThrownBy(() -> export.write("t", SCHEMA, rows)).isSameAs(broken);
        assertThat(keys(bucket)).isEmpty();
        assertThat(pendingUploads(bucket)).isZero();
    }
}
