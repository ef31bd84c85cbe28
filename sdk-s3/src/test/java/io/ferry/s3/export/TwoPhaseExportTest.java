package io.ferry.s3.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryIoException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.testing.DuckDb;
import io.ferry.formats.Compression;
import io.ferry.s3.testing.SharedS3Mock;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Two-phase export (prepare on several writers, publish or abort on a coordinator) against S3Mock;
 * {@link TwoPhaseS3ProxyTest} repeats the main path on S3Proxy.
 */
class TwoPhaseExportTest extends ExportStoreTest {
    private static final Schema ROWS = Schema.of(Column.of("id", ColumnType.LONG), Column.of("name", ColumnType.STRING));
    private static final String PATH = "out/{{SYNC_ID}}/part-{{WRITER}}.csv.gz";

    @TempDir
    Path tmp;

    TwoPhaseExportTest() {
        super(SharedS3Mock.get());
    }

    private S3Export twoPhase(String bucket) {
        return export(bucket).path(PATH).compression(Compression.GZIP).manifest("_SUCCESS.json").build();
    }

    /** Writer {@code w} writes ids {@code w*1000 .. w*1000+count-1} and prepares. */
    private static PreparedExport prepare(S3Export export, int w, int count) {
        try (ExportWriter writer = export.open("events", ROWS, "w" + w)) {
            for (int i = 0; i < count; i++) {
                writer.write(Record.of(ROWS, (long) w * 1000 + i, "row " + i));
            }
            return writer.prepare();
        }
    }

    private List<PreparedExport> prepareThree(S3Export export) {
        List<PreparedExport> prepared = new ArrayList<>();
        for (int w = 1; w <= 3; w++) {
            // a worker builds its own export from the coordinator's settings and token
            S3Export worker = export.toBuilder().exportToken(export.exportToken()).build();
            prepared.add(prepare(worker, w, 100 * w));
        }
        return prepared;
    }

    @Test
    void prepare_threeWriters_nothingVisibleUntilPublish() {
        String bucket = newBucket("tp-stage");
        S3Export export = twoPhase(bucket);

        List<PreparedExport> prepared = prepareThree(export);

        assertThat(keys(bucket)).isEmpty();
        String dir = "out/" + export.exportToken() + "/";
        assertThat(pendingUploads(bucket)).containsExactly(dir + "part-w1.csv.gz", dir + "part-w2.csv.gz",
                dir + "part-w3.csv.gz");
        assertThat(prepared).extracting(PreparedExport::rows).containsExactly(100L, 200L, 300L);
        assertThat(prepared.get(1).objects()).singleElement().satisfies(o -> {
            assertThat(o.parts()).hasSize(1);
            assertThat(o.parts().get(0).size()).isEqualTo(o.bytes()).isPositive();
        });
    }

    @Test
    void publish_threeWriters_exactObjectsRowsAndManifest() {
        String bucket = newBucket("tp-publish");
        S3Export export = twoPhase(bucket);
        List<PreparedExport> prepared = prepareThree(export);

        ExportResult r = export.publish(prepared);

        String dir = "out/" + export.exportToken() + "/";
        assertThat(keys(bucket)).containsExactly(dir + "_SUCCESS.json", dir + "part-w1.csv.gz",
                dir + "part-w2.csv.gz", dir + "part-w3.csv.gz");
        assertThat(pendingUploads(bucket)).isEmpty();
        assertThat(r.syncId()).isEqualTo(export.exportToken());
        assertThat(r.rows()).isEqualTo(600);
        List<String> files = new ArrayList<>();
        for (ExportedObject o : r.objects()) {
            files.add(Downloads.toFile(client(), bucket, o.key(), tmp));
        }
        // ids: writer w wrote w*1000 .. w*1000 + 100w - 1
        long sum = 0;
        for (int w = 1; w <= 3; w++) {
            long n = 100L * w;
            sum += n * w * 1000 + n * (n - 1) / 2;
        }
        assertThat(DuckDb.query("SELECT count(*), sum(id), count(DISTINCT id) FROM read_csv([" + String.join(", ", files)
                + "], header=true)")).containsExactly(List.of(600L, BigInteger.valueOf(sum), 600L));
        String manifest = text(bucket, dir + "_SUCCESS.json");
        assertThat(manifest).contains("\"exportToken\" : \"" + export.exportToken() + "\"", "\"objectCount\" : 3",
                "\"rows\" : 600");
        for (ExportedObject o : r.objects()) {
            assertThat(manifest).contains("\"key\" : \"" + o.key() + "\"");
            assertThat(client().headObject(b -> b.bucket(bucket).key(o.key())).eTag()).isEqualTo(o.eTag());
        }
    }

    @Test
    void publish_twice_givesTheSameResult() {
        String bucket = newBucket("tp-twice");
        S3Export export = twoPhase(bucket);
        List<PreparedExport> prepared = prepareThree(export);

        ExportResult first = export.publish(prepared);
        ExportResult second = export.publish(prepared);

        assertThat(second.objects()).isEqualTo(first.objects());
        assertThat(keys(bucket)).hasSize(4);
        assertThat(pendingUploads(bucket)).isEmpty();
    }

    @Test
    void abort_leavesNothingAndIsIdempotent() {
        String bucket = newBucket("tp-abort");
        S3Export export = twoPhase(bucket);
        List<PreparedExport> prepared = prepareThree(export);

        export.abort(prepared);
        export.abort(prepared);

        assertThat(keys(bucket)).isEmpty();
        assertThat(pendingUploads(bucket)).isEmpty();
    }

    @Test
    void publish_deadWritersUploads_areSwept() {
        String bucket = newBucket("tp-dead");
        S3Export export = twoPhase(bucket);
        List<PreparedExport> prepared = prepareThree(export);
        // a worker that staged its objects and died before handing its prepared value over
        prepare(export, 9, 50);
        assertThat(pendingUploads(bucket)).hasSize(4);

        export.publish(prepared);

        assertThat(pendingUploads(bucket)).isEmpty();
        assertThat(keys(bucket)).noneMatch(k -> k.contains("part-w9"));
    }

    @Test
    void sweep_onItsOwn_abortsTheExportsUploadsOnly() {
        String bucket = newBucket("tp-sweep");
        S3Export export = twoPhase(bucket);
        prepareThree(export);
        S3Export other = twoPhase(bucket);
        prepare(other, 1, 10);

        int aborted = export.sweep();

        assertThat(aborted).isEqualTo(3);
        assertThat(pendingUploads(bucket)).containsExactly("out/" + other.exportToken() + "/part-w1.csv.gz");
    }

    @Test
    void close_afterPrepare_keepsTheUploads_withoutPrepare_abortsThem() {
        String bucket = newBucket("tp-close");
        S3Export export = twoPhase(bucket);
        prepare(export, 1, 10);
        try (ExportWriter w = export.open("events", ROWS, "w2")) {
            w.write(Record.of(ROWS, 1L, "x"));
        }

        assertThat(pendingUploads(bucket)).containsExactly("out/" + export.exportToken() + "/part-w1.csv.gz");
    }

    @Test
    void publish_createNewKeyTakenMeanwhile_failsAndLeavesNothingOfTheExport() {
        String bucket = newBucket("tp-taken");
        S3Export export = twoPhase(bucket);
        List<PreparedExport> prepared = prepareThree(export);
        String taken = prepared.get(1).objects().get(0).key();
        client().putObject(b -> b.bucket(bucket).key(taken), RequestBody.fromString("someone else's"));

        assertThatThrownBy(() -> export.publish(prepared))
                .isInstanceOf(FerryIoException.class)
                .hasMessageContaining("s3://" + bucket + "/" + taken)
                .hasMessageContaining("publishing was rolled back");

        // S3 keeps the other writer's object; S3Mock 5.2.0 deletes the object at a key whose upload is aborted
        assertThat(keys(bucket)).isSubsetOf(taken);
        assertThat(pendingUploads(bucket)).isEmpty();
    }

    @Test
    void publish_replace_overwritesAKeyTakenMeanwhile() {
        String bucket = newBucket("tp-replace");
        S3Export export = export(bucket).path(PATH).compression(Compression.GZIP)
                .writeStrategy(WriteStrategy.REPLACE).build();
        List<PreparedExport> prepared = prepareThree(export);
        String taken = prepared.get(0).objects().get(0).key();
        client().putObject(b -> b.bucket(bucket).key(taken), RequestBody.fromString("old"));

        ExportResult r = export.publish(prepared);

        assertThat(r.objectCount()).isEqualTo(3);
        assertThat(client().headObject(b -> b.bucket(bucket).key(taken)).eTag()).isEqualTo(r.objects().get(0).eTag());
    }

    @Test
    void publish_preparedOfAnotherExport_throwsNamingBothTokens() {
        String bucket = newBucket("tp-other");
        S3Export export = twoPhase(bucket);
        S3Export other = twoPhase(bucket);
        PreparedExport p = prepare(other, 1, 5);

        assertThatThrownBy(() -> export.publish(List.of(p)))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("the prepared export of writer 'w1' belongs to export " + other.exportToken()
                        + ", not to this export (" + export.exportToken() + "); use the export built with exportToken(\""
                        + other.exportToken() + "\") (prepared)");
        other.abort(List.of(p));
    }

    @Test
    void publish_twoWritersWithOneId_throwsBeforePublishingAnything() {
        String bucket = newBucket("tp-dup");
        S3Export export = twoPhase(bucket);
        PreparedExport a = prepare(export, 1, 5);
        PreparedExport b = prepare(export, 1, 5);

        assertThatThrownBy(() -> export.publish(List.of(a, b)))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("writers 'w1' and 'w1' both staged s3://" + bucket + "/" + a.objects().get(0).key()
                        + "; give each writer its own id and put {{WRITER}} or {{UUID}} in the path (prepared)");
        assertThat(keys(bucket)).isEmpty();
        export.abort(List.of(a, b));
        assertThat(pendingUploads(bucket)).isEmpty();
    }

    @Test
    void prepare_partitionedTemplate_stagesOneObjectPerPartitionAndWriter() {
        String bucket = newBucket("tp-parts");
        S3Export export = export(bucket).path("p/{{SYNC_ID}}/n={name}/{{WRITER}}-{{UUID}}.csv").build();
        List<PreparedExport> prepared = new ArrayList<>();
        for (int w = 1; w <= 2; w++) {
            try (ExportWriter writer = export.open("events", ROWS, "w" + w)) {
                for (int i = 0; i < 30; i++) {
                    writer.write(Record.of(ROWS, (long) i, "n" + (i % 3)));
                }
                prepared.add(writer.prepare());
            }
        }

        ExportResult r = export.publish(prepared);

        assertThat(r.objectCount()).isEqualTo(6);
        assertThat(r.objects().stream().map(o -> o.key().replaceAll("/w\\d-.*", "")).distinct()
                .collect(Collectors.toList())).hasSize(3);
        assertThat(r.rows()).isEqualTo(60);
        assertThat(keys(bucket)).hasSize(6);
    }
}
