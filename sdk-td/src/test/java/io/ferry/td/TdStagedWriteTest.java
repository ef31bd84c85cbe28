package io.ferry.td;

import static io.ferry.td.TdTestData.SCHEMA;
import static io.ferry.td.TdTestData.freshDatabase;
import static io.ferry.td.TdTestData.records;
import static io.ferry.td.TdTestData.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryIoException;
import io.ferry.core.record.Record;
import io.ferry.td.testing.Fault;
import io.ferry.td.testing.LocalTdServer;
import io.ferry.td.testing.LocalTdServerExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A staged write from four task threads against LocalTdServer (which decodes the msgpack.gz
 * chunks): retried and duplicated task attempts add their rows once, publish swaps the rows in,
 * abort leaves the target as it was.
 */
class TdStagedWriteTest {
    @RegisterExtension
    static final LocalTdServerExtension TD = new LocalTdServerExtension();

    private static final int TASKS = 4;
    private static final int ROWS_PER_TASK = 300;

    private static List<Long> codes(String db, String table) {
        return TD.server().rows(db, table).stream().map(r -> (Long) r.get("code")).sorted().collect(Collectors.toList());
    }

    /** An executor's writer: built on its own from the same options, 1 KB chunks so each task uploads several. */
    private static TdWriter taskWriter(String db, TdWriteMode mode) {
        return writer(TD.server(), db, "events").mode(mode).chunkSize(TdWriter.MIN_CHUNK_SIZE).build();
    }

    private static TdStagedWrite overTheWire(TdStagedWrite staged) {
        return (TdStagedWrite) roundTrip(staged);
    }

    private static Object roundTrip(Object o) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(o);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** One attempt of task {@code p}: writes its first {@code rows} records, then finishes or (failing) aborts. */
    private static TdStagedPart attempt(TdStagedWrite staged, TdWriteMode mode, int p, int rows, boolean fail) {
        TdWriter w = taskWriter(staged.database(), mode);
        try (TdStagedTask task = w.openTask(overTheWire(staged), p)) {
            for (Record r : records(p * 10_000, ROWS_PER_TASK).subList(0, rows)) {
                task.write(r);
            }
            if (fail) {
                return null;   // the attempt dies: close() aborts, its uploaded chunks stay in the upload table
            }
            return (TdStagedPart) roundTrip(task.finish());
        }
    }

    /**
     * Four tasks on four threads: task 1 fails after 200 rows and is retried, task 2 runs twice
     * at once (speculation) and both attempts report, task 3 fails after 100 rows and is retried.
     */
    private static List<TdStagedPart> runTasks(TdStagedWrite staged, TdWriteMode mode) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(TASKS);
        try {
            List<Future<List<TdStagedPart>>> futures = new ArrayList<>();
            for (int p = 0; p < TASKS; p++) {
                int partition = p;
                futures.add(pool.submit(() -> {
                    List<TdStagedPart> parts = new ArrayList<>();
                    if (partition == 1) {
                        attempt(staged, mode, partition, 200, true);
                    }
                    if (partition == 3) {
                        attempt(staged, mode, partition, 100, true);
                    }
                    parts.add(attempt(staged, mode, partition, ROWS_PER_TASK, false));
                    if (partition == 2) {
                        parts.add(attempt(staged, mode, partition, ROWS_PER_TASK, false));
                    }
                    return parts;
                }));
            }
            List<TdStagedPart> parts = new ArrayList<>();
            for (Future<List<TdStagedPart>> f : futures) {
                parts.addAll(f.get());
            }
            Collections.shuffle(parts);
            return parts;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Long> expectedCodes() {
        return LongStream.range(0, TASKS).flatMap(p -> LongStream.range(p * 10_000, p * 10_000 + ROWS_PER_TASK))
                .boxed().sorted().toList();
    }

    @Test
    void replace_fourTasksWithRetriesAndADuplicate_publishesEveryRowOnce() throws Exception {
        String db = freshDatabase(TD.server());
        TdWriter driver = writer(TD.server(), db, "events").chunkSize(TdWriter.MIN_CHUNK_SIZE).build();
        driver.write(SCHEMA, records(1, 5));
        TdWriter replace = driver.toBuilder().mode(TdWriteMode.REPLACE).build();

        TdStagedWrite staged = replace.stage(SCHEMA);
        assertThat(staged.stagingTable()).matches("events_ferry_tmp_[0-9a-f]{12}");
        assertThat(TD.server().tables(db)).containsExactlyInAnyOrder("events", staged.stagingTable());

        List<TdStagedPart> parts = runTasks(staged, TdWriteMode.REPLACE);
        assertThat(codes(db, "events")).containsExactly(1L, 2L, 3L, 4L, 5L);   // nothing visible before publish
        assertThat(codes(db, staged.stagingTable())).containsExactlyElementsOf(expectedCodes());

        TdWriteResult r = replace.publish(staged, parts);

        assertThat(codes(db, "events")).containsExactlyElementsOf(expectedCodes());
        assertThat(TD.server().tables(db)).containsExactly("events");
        assertThat(r.rows()).isEqualTo(TASKS * ROWS_PER_TASK);
        assertThat(r.chunks()).isGreaterThan(TASKS * 5);
        // the failed and the duplicate attempts did upload: TD was sent more chunks than it kept
        long uploads = TD.server().requests().stream()
                .filter(q -> q.startsWith("PUT /v3/table/import_with_id/" + db + "/" + staged.stagingTable() + "/"))
                .count();
        assertThat(uploads).isGreaterThan(r.chunks() + 5L);
        assertThat(r.published()).isTrue();
        assertThat(r.mode()).isEqualTo(TdWriteMode.REPLACE);
        assertThat(TD.server().rows(db, "events")).allSatisfy(row -> assertThat(row.get("time")).isEqualTo(1_700_000_000L));
    }

    @ParameterizedTest(name = "reply to upload {0} lost")
    @ValueSource(ints = {1, 2, 5})
    void replace_uploadStoredButReplyLost_retriedAttemptAddsNothingTwice(int nth) {
        String db = freshDatabase(TD.server());
        TdWriter replace = writer(TD.server(), db, "events").mode(TdWriteMode.REPLACE)
                .chunkSize(TdWriter.MIN_CHUNK_SIZE).build();
        TdStagedWrite staged = replace.stage(SCHEMA);
        TD.server().injectFault("PUT /v3/table/import_with_id/" + db + "/" + staged.stagingTable(), nth,
                Fault.status(500).afterHandling());
        TdWriter oneShot = taskWriter(db, TdWriteMode.REPLACE).toBuilder().maxAttempts(1).build();
        TdStagedTask first = oneShot.openTask(overTheWire(staged), 0);

        assertThatThrownBy(() -> {
            records(0, ROWS_PER_TASK).forEach(first::write);
            first.finish();
        }).isInstanceOf(FerryIoException.class).hasMessageContaining("HTTP 500");
        first.close();
        TdStagedPart retried = attempt(staged, TdWriteMode.REPLACE, 0, ROWS_PER_TASK, false);
        TdWriteResult r = replace.publish(staged, List.of(retried));

        assertThat(codes(db, "events")).containsExactlyElementsOf(LongStream.range(0, ROWS_PER_TASK).boxed().toList());
        assertThat(r.rows()).isEqualTo(ROWS_PER_TASK);
    }

    @Test
    void replace_abort_leavesTargetAndDeletesTemporaryTable() throws Exception {
        String db = freshDatabase(TD.server());
        TdWriter driver = writer(TD.server(), db, "events").chunkSize(TdWriter.MIN_CHUNK_SIZE).build();
        driver.write(SCHEMA, records(1, 3));
        TdWriter replace = driver.toBuilder().mode(TdWriteMode.REPLACE).build();
        TdStagedWrite staged = replace.stage(SCHEMA);
        runTasks(staged, TdWriteMode.REPLACE);

        replace.abort(staged);
        replace.abort(staged);

        assertThat(codes(db, "events")).containsExactly(1L, 2L, 3L);
        assertThat(TD.server().tables(db)).containsExactly("events");
    }

    @Test
    void append_tasksWithRetries_addEveryRowOnce_visibleBeforePublish() throws Exception {
        String db = freshDatabase(TD.server());
        TdWriter driver = writer(TD.server(), db, "events").chunkSize(TdWriter.MIN_CHUNK_SIZE).build();
        driver.write(SCHEMA, records(1, 2));

        TdStagedWrite staged = driver.stage(SCHEMA);
        assertThat(staged.stagingTable()).isNull();
        assertThat(staged.uploadTable()).isEqualTo("events");
        List<TdStagedPart> parts = runTasks(staged, TdWriteMode.APPEND);
        List<Long> expected = new ArrayList<>(expectedCodes());
        expected.addAll(List.of(1L, 2L));
        Collections.sort(expected);
        assertThat(codes(db, "events")).containsExactlyElementsOf(expected);

        TdWriteResult r = driver.publish(staged, parts);

        assertThat(codes(db, "events")).containsExactlyElementsOf(expected);
        assertThat(r.rows()).isEqualTo(TASKS * ROWS_PER_TASK);
        assertThat(r.published()).isTrue();
        assertThat(TD.server().tables(db)).containsExactly("events");
    }

    @Test
    void append_abort_cannotTakeBackImportedChunks() throws Exception {
        String db = freshDatabase(TD.server());
        TdWriter driver = writer(TD.server(), db, "events").chunkSize(TdWriter.MIN_CHUNK_SIZE).build();
        TdStagedWrite staged = driver.stage(SCHEMA);
        runTasks(staged, TdWriteMode.APPEND);

        driver.abort(staged);

        assertThat(codes(db, "events")).containsExactlyElementsOf(expectedCodes());
    }

    @Test
    void replaceOnNewData_noRows_leavesTargetAndDeletesTemporaryTable() {
        String db = freshDatabase(TD.server());
        TdWriter driver = writer(TD.server(), db, "events").chunkSize(TdWriter.MIN_CHUNK_SIZE).build();
        driver.write(SCHEMA, records(1, 2));
        TdWriter rond = driver.toBuilder().mode(TdWriteMode.REPLACE_ON_NEW_DATA).build();
        TdStagedWrite staged = rond.stage(SCHEMA);
        TdStagedPart empty = attempt(staged, TdWriteMode.REPLACE_ON_NEW_DATA, 0, 0, false);

        TdWriteResult r = rond.publish(staged, List.of(empty));

        assertThat(r.published()).isFalse();
        assertThat(r.rows()).isZero();
        assertThat(codes(db, "events")).containsExactly(1L, 2L);
        assertThat(TD.server().tables(db)).containsExactly("events");
    }

    @Test
    void replaceOnNewData_withRows_swaps() {
        String db = freshDatabase(TD.server());
        TdWriter driver = writer(TD.server(), db, "events").chunkSize(TdWriter.MIN_CHUNK_SIZE).build();
        driver.write(SCHEMA, records(1, 2));
        TdWriter rond = driver.toBuilder().mode(TdWriteMode.REPLACE_ON_NEW_DATA).build();
        TdStagedWrite staged = rond.stage(SCHEMA);
        TdStagedPart part = attempt(staged, TdWriteMode.REPLACE_ON_NEW_DATA, 0, 3, false);

        assertThat(rond.publish(staged, List.of(part)).published()).isTrue();
        assertThat(codes(db, "events")).containsExactly(0L, 1L, 2L);
    }

    @Test
    void publish_twoDifferentPartsOfOnePartition_throwsAndChangesNothing() {
        String db = freshDatabase(TD.server());
        TdWriter replace = writer(TD.server(), db, "events").mode(TdWriteMode.REPLACE).build();
        TdStagedWrite staged = replace.stage(SCHEMA);
        List<TdStagedPart> parts = List.of(TdStagedPart.of(0, 5, 1, 100, 200), TdStagedPart.of(0, 6, 1, 100, 200));

        assertThatThrownBy(() -> replace.publish(staged, parts)).isInstanceOf(FerryConfigException.class)
                .hasMessage("two parts of partition 0 differ: TdStagedPart{partition=0, rows=5, chunks=1, bytes=100}"
                        + " and TdStagedPart{partition=0, rows=6, chunks=1, bytes=100}; give publish the part of the"
                        + " one attempt that succeeded (parts)");
        assertThat(TD.server().tables(db)).containsExactly(staged.stagingTable());
        replace.abort(staged);
        assertThat(TD.server().tables(db)).isEmpty();
    }

    @Test
    void openTask_writerForAnotherTable_throwsNamingBoth() {
        String db = freshDatabase(TD.server());
        TdStagedWrite staged = writer(TD.server(), db, "events").mode(TdWriteMode.REPLACE).build().stage(SCHEMA);
        TdWriter other = writer(TD.server(), db, "other").build();

        assertThatThrownBy(() -> other.openTask(staged, 0)).isInstanceOf(FerryConfigException.class)
                .hasMessage("this writer writes into " + db + ".other but the staged write is for " + db
                        + ".events; build the task's writer with database(\"" + db + "\") and table(\"events\") (table)");
        assertThatThrownBy(() -> taskWriter(db, TdWriteMode.REPLACE).openTask(staged, -1))
                .isInstanceOf(FerryConfigException.class).hasMessage("partition must be 0 or more, was -1 (partition)");
    }

    @Test
    void task_uploadFails_isOverAndNamesTheTable() {
        String db = freshDatabase(TD.server());
        TdWriter w = writer(TD.server(), db, "events").mode(TdWriteMode.REPLACE).maxAttempts(1).build();
        TdStagedWrite staged = w.stage(SCHEMA);
        TD.server().injectFault("PUT /v3/table/import_with_id/" + db + "/", 1, Fault.status(500));
        TdStagedTask task = w.openTask(staged, 0);
        records(1, 3).forEach(task::write);

        assertThatThrownBy(task::finish).isInstanceOf(FerryIoException.class)
                .hasMessageContaining("into " + db + "." + staged.stagingTable()).hasMessageContaining("HTTP 500");
        assertThatThrownBy(() -> task.write(records(4, 1).get(0))).isInstanceOf(FerryConfigException.class)
                .hasMessageContaining("is over");
        task.close();
    }

    @Test
    void stagedWrite_serializes_withoutTheKey() {
        String db = freshDatabase(TD.server());
        TdStagedWrite staged = writer(TD.server(), db, "events").mode(TdWriteMode.REPLACE).build()
                .stage(SCHEMA);

        TdStagedWrite copy = overTheWire(staged);

        assertThat(copy).isEqualTo(staged);
        assertThat(copy.schema()).isEqualTo(SCHEMA);
        assertThat(copy.timeValue()).isEqualTo(1_700_000_000L);
        assertThat(copy.idPrefix()).matches("[0-9a-f]{32}");
        String secret = LocalTdServer.MASTER_KEY.substring(2);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(staged);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(staged.toString()).doesNotContain(secret).contains(db + ".events");
        w(db).abort(staged);
    }

    private static TdWriter w(String db) {
        return writer(TD.server(), db, "events").build();
    }
}
