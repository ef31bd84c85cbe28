package io.ferry.s3.export.faults;

import static io.ferry.s3.export.faults.ExportRig.S3;
import static io.ferry.s3.export.faults.ExportRig.client;
import static io.ferry.s3.export.faults.ExportRig.data;
import static io.ferry.s3.export.faults.ExportRig.export;
import static io.ferry.s3.export.faults.ExportRig.idCounts;
import static io.ferry.s3.export.faults.ExportRig.keys;
import static io.ferry.s3.export.faults.ExportRig.once;
import static io.ferry.s3.export.faults.ExportRig.probe;
import static io.ferry.s3.export.faults.ExportRig.proxy;
import static io.ferry.s3.export.faults.ExportRig.rows;
import static io.ferry.s3.export.faults.ExportRig.text;
import static io.ferry.s3.export.faults.ExportRig.uploads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryIoException;
import io.ferry.core.record.Record;
import io.ferry.formats.Compression;
import io.ferry.s3.export.ExportResult;
import io.ferry.s3.export.ExportWriter;
import io.ferry.s3.export.ExportedObject;
import io.ferry.s3.export.S3Export;
import io.ferry.s3.export.WriteStrategy;
import io.ferry.testkit.Fault;
import io.ferry.testkit.FaultPlan;
import io.ferry.testkit.FaultProxy;
import io.ferry.testkit.S3Operation;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Exactly-once publishing when the AWS SDK retries by itself: each test loses or fails one exact
 * request through a {@link FaultProxy} and checks what is in the bucket afterwards.
 */
class ExportExactlyOnceTest {

    private static List<String> resultKeys(ExportResult r) {
        return r.objects().stream().map(ExportedObject::key).sorted().collect(Collectors.toList());
    }

    @Test
    void write_putResponseLostOnPartitionedExport_publishesEachPartitionOnce() {
        String bucket = S3.newBucket("lost-put");
        try (FaultProxy proxy = proxy(FaultPlan.nth(data(S3Operation.PUT_OBJECT), 5, Fault.DROP_RESPONSE))) {
            ExportResult r = export(proxy, bucket).path("p/{part}").build().write("t", ExportRig.SCHEMA,
                    rows(240, 12, 20, 1));

            assertThat(proxy.faultsInjected()).isEqualTo(1);
            List<String> expected = java.util.stream.IntStream.range(0, 12).mapToObj(i -> "p/" + i + ".csv").sorted()
                    .collect(Collectors.toList());
            assertThat(keys(bucket, "p/")).isEqualTo(expected);
            assertThat(resultKeys(r)).isEqualTo(expected);
            assertThat(idCounts(bucket, expected)).isEqualTo(once(240));
            assertThat(r.objects()).allSatisfy(o -> assertThat(o.rows()).isEqualTo(20));
        }
    }

    @Test
    void write_putResponseLostOnSingleGzipObject_publishesItOnceUnderItsKey() {
        String bucket = S3.newBucket("lost-put-gz");
        try (FaultProxy proxy = proxy(FaultPlan.nth(data(S3Operation.PUT_OBJECT), 1, Fault.DROP_RESPONSE))) {
            ExportResult r = export(proxy, bucket).path("g/all").compression(Compression.GZIP).build()
                    .write("t", ExportRig.SCHEMA, rows(500, 1, 30, 2));

            assertThat(proxy.faultsInjected()).isEqualTo(1);
            assertThat(keys(bucket, "g/")).containsExactly("g/all.csv.gz");
            assertThat(resultKeys(r)).containsExactly("g/all.csv.gz");
            assertThat(idCounts(bucket, List.of("g/all.csv.gz"))).isEqualTo(once(500));
            assertThat(r.objects().get(0).eTag()).isEqualTo(
                    client().headObject(b -> b.bucket(bucket).key("g/all.csv.gz")).eTag());
        }
    }

    @Test
    void write_putRefusedByAnotherWritersObject_stillMovesToNextSuffix() {
        String bucket = S3.newBucket("other-writer");
        AtomicBoolean planted = new AtomicBoolean();
        // the other writer's object appears between Ferry's HEAD and its conditional put
        FaultPlan plan = r -> {
            if (ExportRig.data(S3Operation.PUT_OBJECT).test(r) && planted.compareAndSet(false, true)) {
                client().putObject(b -> b.bucket(bucket).key("o/all.csv"), RequestBody.fromString("theirs\n"));
            }
            return Fault.NONE;
        };
        try (FaultProxy proxy = proxy(plan)) {
            ExportResult r = export(proxy, bucket).path("o/all.csv").build().write("t", ExportRig.SCHEMA,
                    rows(10, 1, 5, 3));

            assertThat(resultKeys(r)).containsExactly("o/all-1.csv");
            assertThat(text(bucket, "o/all.csv")).isEqualTo("theirs\n");
            assertThat(idCounts(bucket, List.of("o/all-1.csv"))).isEqualTo(once(10));
        }
    }

    @Test
    void write_completeResponseLost_publishesTheMultipartObjectOnce() {
        String bucket = S3.newBucket("lost-complete");
        try (FaultProxy proxy = proxy(FaultPlan.nth(data(S3Operation.COMPLETE_MULTIPART_UPLOAD), 1,
                Fault.DROP_RESPONSE))) {
            ExportResult r = export(proxy, bucket).path("m/big.csv").partSize(5).build().write("t", ExportRig.SCHEMA,
                    rows(110_000, 1, 100, 4));

            assertThat(proxy.faultsInjected()).isEqualTo(1);
            assertThat(r.objects()).singleElement().satisfies(o -> {
                assertThat(o.key()).isEqualTo("m/big.csv");
                assertThat(o.parts()).isGreaterThanOrEqualTo(3);
                assertThat(o.eTag()).isEqualTo(client().headObject(b -> b.bucket(bucket).key("m/big.csv")).eTag());
            });
            // S3Mock keeps the metadata given to CreateMultipartUpload on the completed object
            assertThat(client().headObject(b -> b.bucket(bucket).key("m/big.csv")).metadata())
                    .containsEntry("ferry-write-id", r.syncId() + "/1");
            assertThat(keys(bucket, "m/")).containsExactly("m/big.csv");
            assertThat(idCounts(bucket, List.of("m/big.csv"))).isEqualTo(once(110_000));
            assertThat(uploads(bucket, "m/")).isEmpty();
        }
    }

    @Test
    void commit_completeLandedButAnotherObjectFails_removesItAndNamesTheRealFailure() {
        String bucket = S3.newBucket("lost-complete-fail");
        AtomicBoolean completeDropped = new AtomicBoolean();
        FaultPlan plan = r -> {
            S3Operation op = S3Operation.of(r);
            if (op == S3Operation.COMPLETE_MULTIPART_UPLOAD && completeDropped.compareAndSet(false, true)) {
                return Fault.DROP_RESPONSE;
            }
            // the small object can never be written: every attempt gets a 500
            return op == S3Operation.PUT_OBJECT && r.path().endsWith("/c/small.csv") ? Fault.ERROR_500 : Fault.NONE;
        };
        try (FaultProxy proxy = proxy(plan)) {
            S3Export export = export(proxy, bucket).path("c/{part}.csv").partSize(5).maxConcurrency(1).build();
            ExportWriter w = export.open("t", ExportRig.SCHEMA);
            for (Record rec : rows(110_000, 1, 100, 5)) {
                w.write(Record.of(ExportRig.SCHEMA, "big", rec.get(1), rec.get(2)));
            }
            w.write(Record.of(ExportRig.SCHEMA, "small", 1L, "x"));

            assertThatThrownBy(w::commit).isInstanceOf(FerryIoException.class)
                    .hasMessageContaining("cannot put the object of s3://" + bucket + "/c/small.csv")
                    .hasMessageNotContaining("another writer");
            w.close();
            assertThat(completeDropped).isTrue();
            assertThat(keys(bucket, "c/")).isEmpty();
            assertThat(uploads(bucket, "c/")).isEmpty();
        }
    }

    @Test
    void write_createMultipartUploadResponseLost_leavesNoUpload() {
        String bucket = S3.newBucket("lost-create");
        try (FaultProxy proxy = proxy(FaultPlan.nth(data(S3Operation.CREATE_MULTIPART_UPLOAD), 1,
                Fault.DROP_RESPONSE))) {
            ExportResult r = export(proxy, bucket).path("u/big.csv").partSize(5).build().write("t", ExportRig.SCHEMA,
                    rows(60_000, 1, 100, 6));

            assertThat(proxy.faultsInjected()).isEqualTo(1);
            assertThat(resultKeys(r)).containsExactly("u/big.csv");
            assertThat(idCounts(bucket, List.of("u/big.csv"))).isEqualTo(once(60_000));
            assertThat(uploads(bucket, "u/")).isEmpty();
            // the retried create is followed by a listing of the key's uploads, before any part is sent
            // (when the listing finds the stray, both uploads are aborted and one more create follows,
            // sent once and so not listed again: look from the first create)
            List<S3Operation> ops = operations(proxy);
            int create = ops.indexOf(S3Operation.CREATE_MULTIPART_UPLOAD);
            assertThat(ops.subList(create, ops.size())).contains(S3Operation.LIST_MULTIPART_UPLOADS);
            assertThat(ops.subList(create, ops.indexOf(S3Operation.UPLOAD_PART)))
                    .contains(S3Operation.LIST_MULTIPART_UPLOADS);
        }
    }

    @Test
    void write_createMultipartUploadAnsweredFirstTime_listsNoUploadsUntilTheEndOfTheRun() {
        String bucket = S3.newBucket("clean-create");
        try (FaultProxy proxy = proxy(FaultPlan.none())) {
            ExportResult r = export(proxy, bucket).path("p/{part}.csv").partSize(5).maxBufferedBytes(1 << 20)
                    .build().write("t", ExportRig.SCHEMA, rows(40_000, 20, 100, 8));

            List<S3Operation> ops = operations(proxy);
            long creates = ops.stream().filter(S3Operation.CREATE_MULTIPART_UPLOAD::equals).count();
            assertThat(creates).as("objects finished early under the 1 MiB budget").isGreaterThan(20);
            assertThat(r.rows()).isEqualTo(40_000);
            // no per-object listing: the one sweep before publishing lists the uploads, once
            assertThat(ops.stream().filter(S3Operation.LIST_MULTIPART_UPLOADS::equals).count()).isEqualTo(1);
            assertThat(uploads(bucket, "p/")).isEmpty();
        }
    }

    private static List<S3Operation> operations(FaultProxy proxy) {
        return proxy.exchanges().stream().map(e -> S3Operation.of(e.request())).collect(Collectors.toList());
    }

    @Test
    void write_createMultipartUploadResponseLostThenSourceFails_leavesNoUpload() {
        String bucket = S3.newBucket("lost-create-fail");
        try (FaultProxy proxy = proxy(FaultPlan.nth(data(S3Operation.CREATE_MULTIPART_UPLOAD), 1,
                Fault.DROP_RESPONSE))) {
            S3Export export = export(proxy, bucket).path("f/big.csv").partSize(5).build();
            java.util.Iterator<Record> source = rows(80_000, 1, 100, 7).iterator();
            Iterable<Record> failing = () -> new java.util.Iterator<>() {
                private int n;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public Record next() {
                    if (++n > 60_000) {
                        throw new IllegalStateException("source broke at row " + n);
                    }
                    return source.next();
                }
            };

            assertThatThrownBy(() -> export.write("t", ExportRig.SCHEMA, failing))
                    .isInstanceOf(IllegalStateException.class).hasMessage("source broke at row 60001");
            assertThat(proxy.faultsInjected()).isEqualTo(1);
            assertThat(keys(bucket, "f/")).isEmpty();
            assertThat(uploads(bucket, "f/")).isEmpty();
        }
    }

    @Test
    void commit_replaceFailsAfterOverwriting_keepsTheNewObjectAndNamesIt() {
        String bucket = S3.newBucket("replace-keep");
        client().putObject(b -> b.bucket(bucket).key("x/a.csv"), RequestBody.fromString("old a\n"));
        client().putObject(b -> b.bucket(bucket).key("x/d.csv"), RequestBody.fromString("old d\n"));
        FaultPlan plan = r -> S3Operation.of(r) == S3Operation.PUT_OBJECT && r.path().endsWith("/x/d.csv")
                ? Fault.ERROR_500 : Fault.NONE;
        try (FaultProxy proxy = proxy(plan)) {
            // one object at a time, in order: new keys b, c first, then a (replaced), then d fails
            S3Export export = export(proxy, bucket).path("x/{part}.csv").writeStrategy(WriteStrategy.REPLACE)
                    .maxConcurrency(1).build();
            ExportWriter w = export.open("t", ExportRig.SCHEMA);
            long id = 0;
            for (String part : List.of("a", "b", "c", "d")) {
                w.write(Record.of(ExportRig.SCHEMA, part, id++, "new"));
            }

            assertThatThrownBy(w::commit).isInstanceOf(FerryIoException.class)
                    .hasMessageContaining("cannot put the object of s3://" + bucket + "/x/d.csv")
                    .hasMessageContaining("; replaced s3://" + bucket + "/x/a.csv before failing (REPLACE);"
                            + " S3 cannot restore the previous versions")
                    .hasMessageNotContaining("x/b.csv").hasMessageNotContaining("x/c.csv")
                    .hasMessageNotContaining("replaced s3://" + bucket + "/x/d.csv");
            w.close();
            assertThat(keys(bucket, "x/")).containsExactly("x/a.csv", "x/d.csv");
            assertThat(idCounts(bucket, List.of("x/a.csv"))).containsExactly(java.util.Map.entry(0L, 1));
            assertThat(text(bucket, "x/d.csv")).isEqualTo("old d\n");
        }
    }

    @Test
    void commit_replaceFailsOnANewKey_replacesNothing() {
        String bucket = S3.newBucket("replace-none");
        client().putObject(b -> b.bucket(bucket).key("y/a.csv"), RequestBody.fromString("old a\n"));
        FaultPlan plan = r -> S3Operation.of(r) == S3Operation.PUT_OBJECT && r.path().endsWith("/y/c.csv")
                ? Fault.ERROR_500 : Fault.NONE;
        try (FaultProxy proxy = proxy(plan)) {
            S3Export export = export(proxy, bucket).path("y/{part}.csv").writeStrategy(WriteStrategy.REPLACE).build();
            ExportWriter w = export.open("t", ExportRig.SCHEMA);
            long id = 0;
            for (String part : List.of("a", "b", "c")) {
                w.write(Record.of(ExportRig.SCHEMA, part, id++, "new"));
            }

            assertThatThrownBy(w::commit).isInstanceOf(FerryIoException.class)
                    .hasMessageContaining("cannot put the object of s3://" + bucket + "/y/c.csv")
                    .hasMessageNotContaining("replaced");
            w.close();
            assertThat(keys(bucket, "y/")).containsExactly("y/a.csv");
            assertThat(text(bucket, "y/a.csv")).isEqualTo("old a\n");
        }
    }

    @Test
    void open_probeDeleteFails_probeIsDeletedAtTheEndOfTheRun() {
        String bucket = S3.newBucket("probe-left");
        AtomicBoolean deletesWork = new AtomicBoolean();
        FaultPlan plan = r -> probe(r) && S3Operation.of(r) == S3Operation.DELETE_OBJECT && !deletesWork.get()
                ? Fault.ERROR_500 : Fault.NONE;
        try (FaultProxy proxy = proxy(plan)) {
            ExportWriter w = export(proxy, bucket).path("q/all.csv").build().open("t", ExportRig.SCHEMA);
            assertThat(keys(bucket, "q/")).singleElement().asString().startsWith("q/.ferry-write-test-");
            deletesWork.set(true);
            w.write(Record.of(ExportRig.SCHEMA, "0", 0L, "z"));
            w.commit();

            assertThat(keys(bucket, "q/")).containsExactly("q/all.csv");
        }
    }

    @Test
    void open_probeDeleteFailsThenRunAborts_probeIsDeleted() {
        String bucket = S3.newBucket("probe-abort");
        AtomicBoolean deletesWork = new AtomicBoolean();
        FaultPlan plan = r -> probe(r) && S3Operation.of(r) == S3Operation.DELETE_OBJECT && !deletesWork.get()
                ? Fault.RESET_REQUEST : Fault.NONE;
        try (FaultProxy proxy = proxy(plan)) {
            ExportWriter w = export(proxy, bucket).path("q/all.csv").build().open("t", ExportRig.SCHEMA);
            assertThat(keys(bucket, "q/")).hasSize(1);
            deletesWork.set(true);
            w.close();

            assertThat(keys(bucket, "q/")).isEmpty();
        }
    }
}
