package io.ferry.s3.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.testing.DuckDb;
import io.ferry.formats.Compression;
import io.ferry.s3.testing.SharedS3Proxy;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main path of a two-phase export on S3Proxy, a second S3 implementation: prepare on three
 * writers, publish twice, read back with DuckDB; and abort. S3Proxy keeps an upload's parts as
 * objects that its listings show (named {@code .mpus-...} and by UUIDs), so the tests look under
 * the export's prefix only; its
 * ListMultipartUploads reports the listing time as the initiation time, so the dead-writer sweep
 * (which relies on initiation times) is tested on S3Mock only.
 */
class TwoPhaseS3ProxyTest extends ExportStoreTest {
    private static final Schema ROWS = Schema.of(Column.of("id", ColumnType.LONG), Column.of("name", ColumnType.STRING));

    @TempDir
    Path tmp;

    TwoPhaseS3ProxyTest() {
        super(SharedS3Proxy.get());
    }

    private List<String> visibleKeys(String bucket) {
        return keys(bucket).stream().filter(k -> k.startsWith("out/")).collect(Collectors.toList());
    }

    private List<PreparedExport> prepareThree(S3Export export) {
        List<PreparedExport> prepared = new ArrayList<>();
        for (int w = 1; w <= 3; w++) {
            try (ExportWriter writer = export.open("events", ROWS, "w" + w)) {
                for (int i = 0; i < 100; i++) {
                    writer.write(Record.of(ROWS, (long) w * 1000 + i, "row " + i));
                }
                prepared.add(writer.prepare());
            }
        }
        return prepared;
    }

    @Test
    void prepareThree_publishTwice_exactObjectsAndRows() {
        String bucket = newBucket("tp-proxy");
        S3Export export = export(bucket).path("out/{{SYNC_ID}}/part-{{WRITER}}.csv.gz")
                .compression(Compression.GZIP).manifest("_SUCCESS.json").build();
        List<PreparedExport> prepared = prepareThree(export);
        assertThat(visibleKeys(bucket)).isEmpty();
        assertThat(pendingUploads(bucket)).hasSize(3);

        ExportResult first = export.publish(prepared);
        ExportResult second = export.publish(prepared);

        String dir = "out/" + export.exportToken() + "/";
        assertThat(visibleKeys(bucket)).containsExactly(dir + "_SUCCESS.json", dir + "part-w1.csv.gz",
                dir + "part-w2.csv.gz", dir + "part-w3.csv.gz");
        assertThat(pendingUploads(bucket)).isEmpty();
        assertThat(second.objects()).extracting(ExportedObject::key)
                .containsExactlyElementsOf(first.objects().stream().map(ExportedObject::key).collect(Collectors.toList()));
        List<String> files = new ArrayList<>();
        for (ExportedObject o : first.objects()) {
            files.add(Downloads.toFile(client(), bucket, o.key(), tmp));
        }
        assertThat(DuckDb.query("SELECT count(*), sum(id) FROM read_csv([" + String.join(", ", files) + "], header=true)"))
                .containsExactly(List.of(300L, BigInteger.valueOf(100L * 1000 * (1 + 2 + 3) + 3 * 4950L)));
    }

    @Test
    void abort_leavesNoUploadAndNoObject() {
        String bucket = newBucket("tp-proxy-abort");
        S3Export export = export(bucket).path("out/part-{{WRITER}}.csv").build();
        List<PreparedExport> prepared = prepareThree(export);

        export.abort(prepared);

        assertThat(visibleKeys(bucket)).isEmpty();
        assertThat(pendingUploads(bucket)).isEmpty();
    }
}
