package io.ferry.td;

import static io.ferry.td.TdTestData.SCHEMA;
import static io.ferry.td.TdTestData.freshDatabase;
import static io.ferry.td.TdTestData.records;
import static io.ferry.td.TdTestData.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.FerryIoException;
import io.ferry.core.record.Record;
import io.ferry.td.testing.Fault;
import io.ferry.td.testing.LocalTdServer;
import io.ferry.td.testing.LocalTdServerExtension;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TdWriterModesTest {
    @RegisterExtension
    static final LocalTdServerExtension TD = new LocalTdServerExtension();

    private static List<Long> codes(String db, String table) {
        return TD.server().rows(db, table).stream().map(r -> (Long) r.get("code")).sorted().collect(Collectors.toList());
    }

    @Test
    void append_twice_doublesTheRows() {
        String db = freshDatabase(TD.server());
        TdWriter w = writer(TD.server(), db, "events").build();

        TdWriteResult first = w.write(SCHEMA, records(1, 3));
        TdWriteResult second = w.write(SCHEMA, records(1, 3));

        assertThat(codes(db, "events")).containsExactly(1L, 1L, 2L, 2L, 3L, 3L);
        assertThat(first.tablesTouched()).containsExactly(db + ".events");
        assertThat(second.rows()).isEqualTo(3);
        assertThat(second.published()).isTrue();
    }

    @Test
    void replace_leavesExactlyTheNewRows_andNoTemporaryTable() {
        String db = freshDatabase(TD.server());
        writer(TD.server(), db, "events").build().write(SCHEMA, records(1, 5));

        TdWriteResult r = writer(TD.server(), db, "events").mode(TdWriteMode.REPLACE).build().write(SCHEMA, records(100, 2));

        assertThat(codes(db, "events")).containsExactly(100L, 101L);
        assertThat(TD.server().tables(db)).containsExactly("events");
        assertThat(r.published()).isTrue();
        assertThat(r.tablesTouched()).hasSize(2).contains(db + ".events")
                .anySatisfy(t -> assertThat(t).matches(db + "\\.events_ferry_tmp_[0-9a-f]{12}"));
    }

    @Test
    void replace_missingTarget_createsItWithTheNewRows() {
        String db = freshDatabase(TD.server());

        writer(TD.server(), db, "fresh_table").mode(TdWriteMode.REPLACE).build().write(SCHEMA, records(7, 1));

        assertThat(codes(db, "fresh_table")).containsExactly(7L);
        assertThat(TD.server().tables(db)).containsExactly("fresh_table");
    }

    @Test
    void replace_uploadFailsBeforeTheSwap_keepsOldRowsAndDeletesTheTemporaryTable() {
        String db = freshDatabase(TD.server());
        writer(TD.server(), db, "events").build().write(SCHEMA, records(1, 2));
        TD.server().injectFault("PUT /v3/table/import_with_id/" + db + "/", 1, Fault.status(500));
        TD.server().injectFault("PUT /v3/table/import_with_id/" + db + "/", 1, Fault.status(500));
        TdWriter w = writer(TD.server(), db, "events").mode(TdWriteMode.REPLACE).maxAttempts(2).build();

        assertThatThrownBy(() -> w.write(SCHEMA, records(100, 3)))
                .isInstanceOf(FerryIoException.class)
                .hasMessageContaining("failed with HTTP 500 after 2 attempts")
                .hasMessageContaining("events_ferry_tmp_");
        assertThat(codes(db, "events")).containsExactly(1L, 2L);
        assertThat(TD.server().tables(db)).containsExactly("events");
    }

    @Test
    void replace_recordsFailMidway_keepsOldRowsAndDeletesTheTemporaryTable() {
        String db = freshDatabase(TD.server());
        writer(TD.server(), db, "events").build().write(SCHEMA, records(1, 2));
        TdWriter w = writer(TD.server(), db, "events").mode(TdWriteMode.REPLACE).chunkSize(1024).build();
        Iterable<Record> failing = () -> new Iterator<>() {
            private final Iterator<Record> it = records(100, 500).iterator();

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Record next() {
                if (!it.hasNext()) {
                    throw new FerryDataException("input.csv", 501, "code", "not a number");
                }
                return it.next();
            }
        };

        assertThatThrownBy(() -> w.write(SCHEMA, failing))
                .isInstanceOf(FerryDataException.class)
                .hasMessage("input.csv, line 501, column 'code': not a number");
        assertThat(codes(db, "events")).containsExactly(1L, 2L);
        assertThat(TD.server().tables(db)).containsExactly("events");
    }

    @Test
    void replace_asRecordSink_showsNothingBeforeCommit_andAbortLeavesTheTarget() {
        String db = freshDatabase(TD.server());
        writer(TD.server(), db, "events").build().write(SCHEMA, records(1, 2));
        TdWriter w = writer(TD.server(), db, "events").mode(TdWriteMode.REPLACE).chunkSize(1024).build();

        w.open(SCHEMA);
        records(100, 300).forEach(w::write);
        List<Long> beforeAbort = codes(db, "events");
        w.abort();

        assertThat(beforeAbort).containsExactly(1L, 2L);
        assertThat(codes(db, "events")).containsExactly(1L, 2L);
        assertThat(TD.server().tables(db)).containsExactly("events");
        assertThat(w.lastResult()).isEmpty();
    }

    @Test
    void replace_asRecordSink_commitPublishes() {
        String db = freshDatabase(TD.server());
        writer(TD.server(), db, "events").build().write(SCHEMA, records(1, 2));
        TdWriter w = writer(TD.server(), db, "events").mode(TdWriteMode.REPLACE).build();

        w.open(SCHEMA);
        records(50, 3).forEach(w::write);
        w.commit();

        assertThat(codes(db, "events")).containsExactly(50L, 51L, 52L);
        assertThat(w.lastResult()).hasValueSatisfying(r -> assertThat(r.rows()).isEqualTo(3));
    }

    @Test
    void replaceOnNewData_zeroRows_leavesTheTableUntouched() {
        String db = freshDatabase(TD.server());
        writer(TD.server(), db, "events").build().write(SCHEMA, records(1, 2));
        int requestsBefore = TD.server().requests().size();

        TdWriteResult r = writer(TD.server(), db, "events").mode(TdWriteMode.REPLACE_ON_NEW_DATA).build()
                .write(SCHEMA, List.of());

        assertThat(codes(db, "events")).containsExactly(1L, 2L);
        assertThat(TD.server().tables(db)).containsExactly("events");
        assertThat(r.published()).isFalse();
        assertThat(r.rows()).isZero();
        assertThat(TD.server().requests().subList(requestsBefore, TD.server().requests().size()))
                .noneMatch(line -> line.contains("/swap/") || line.contains("/import"));
    }

    @Test
    void replaceOnNewData_zeroRowsAndNoTarget_createsNothing() {
        String db = freshDatabase(TD.server());

        writer(TD.server(), db, "events").mode(TdWriteMode.REPLACE_ON_NEW_DATA).build().write(SCHEMA, List.of());

        assertThat(TD.server().tables(db)).isEmpty();
    }

    @Test
    void replaceOnNewData_zeroRowsWithWriteOnlyKey_sendsNoRequestAtAll() {
        String db = freshDatabase(TD.server());
        writer(TD.server(), db, "events").build().write(SCHEMA, records(1, 2));
        int before = TD.server().requests().size();

        TdWriteResult r = writer(TD.server(), db, "events").apiKey(LocalTdServer.WRITE_ONLY_KEY)
                .mode(TdWriteMode.REPLACE_ON_NEW_DATA).build().write(SCHEMA, List.of());

        assertThat(TD.server().requests()).hasSize(before);
        assertThat(TD.server().tables(db)).containsExactly("events");
        assertThat(codes(db, "events")).containsExactly(1L, 2L);
        assertThat(r.published()).isFalse();
        assertThat(r.tablesTouched()).isEmpty();
    }

    @Test
    void replaceOnNewData_openAndAbort_sendNoRequest() {
        String db = freshDatabase(TD.server());
        int before = TD.server().requests().size();
        TdWriter w = writer(TD.server(), db, "events").mode(TdWriteMode.REPLACE_ON_NEW_DATA).build();

        w.open(SCHEMA);
        records(1, 2).forEach(w::write);
        w.abort();

        assertThat(TD.server().requests()).hasSize(before);
        assertThat(TD.server().tables(db)).isEmpty();
    }

    @Test
    void replaceOnNewData_firstChunk_createsTheTemporaryTableThenSwapsAtCommit() {
        String db = freshDatabase(TD.server());
        int before = TD.server().requests().size();
        TdWriter w = writer(TD.server(), db, "events").mode(TdWriteMode.REPLACE_ON_NEW_DATA).build();
        w.open(SCHEMA);
        records(1, 2).forEach(w::write);
        assertThat(TD.server().requests()).as("rows below one chunk are only buffered").hasSize(before);

        w.commit();

        String tmp = "events_ferry_tmp_[0-9a-f]{12}";
        List<String> sent = TD.server().requests().subList(before, TD.server().requests().size());
        assertThat(sent).hasSize(5);
        assertThat(sent.get(0)).matches("POST /v3/table/create/" + db + "/" + tmp + "/log");
        assertThat(sent.get(1)).matches("PUT /v3/table/import_with_id/" + db + "/" + tmp + "/[0-9a-f]{32}/msgpack.gz");
        assertThat(sent.get(2)).isEqualTo("POST /v3/table/create/" + db + "/events/log");
        assertThat(sent.get(3)).matches("POST /v3/table/swap/" + db + "/events/" + tmp);
        assertThat(sent.get(4)).matches("POST /v3/table/delete/" + db + "/" + tmp);
        assertThat(codes(db, "events")).containsExactly(1L, 2L);
    }

    @Test
    void lifecycle_writeBeforeOpenOrAfterCommit_isAConfigErrorNamingTheCall() {
        String db = freshDatabase(TD.server());
        TdWriter w = writer(TD.server(), db, "events").build();
        Record r = records(1, 1).get(0);

        assertThatThrownBy(() -> w.write(r))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("write(record) needs an open write; call open(schema) first (write)");
        w.open(SCHEMA);
        assertThatThrownBy(() -> w.open(SCHEMA))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("a write into " + db + ".events is already open; commit or abort it first (open)");
        w.commit();
        assertThatThrownBy(w::commit)
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("commit() needs an open write; call open(schema) first (commit)");
    }

    @Test
    void httpFailure_reachesTheCallerAsAPlainFerryIoException() {
        String db = freshDatabase(TD.server());
        TdWriter w = writer(TD.server(), db, "events").apiKey("9/not-a-real-key").build();

        assertThatThrownBy(() -> w.write(SCHEMA, records(1, 1)))
                .isExactlyInstanceOf(FerryIoException.class)
                .hasMessageStartingWith("Treasure Data rejected the API key **** (HTTP 401)");
    }

    @Test
    void replaceOnNewData_withRows_replaces() {
        String db = freshDatabase(TD.server());
        writer(TD.server(), db, "events").build().write(SCHEMA, records(1, 2));

        TdWriteResult r = writer(TD.server(), db, "events").mode(TdWriteMode.REPLACE_ON_NEW_DATA).build()
                .write(SCHEMA, records(9, 1));

        assertThat(codes(db, "events")).containsExactly(9L);
        assertThat(r.published()).isTrue();
    }

    @Test
    void replace_emptyInput_leavesAnEmptyTable() {
        String db = freshDatabase(TD.server());
        writer(TD.server(), db, "events").build().write(SCHEMA, records(1, 2));

        writer(TD.server(), db, "events").mode(TdWriteMode.REPLACE).build().write(SCHEMA, List.of());

        assertThat(codes(db, "events")).isEmpty();
    }

    @Test
    void replace_writeOnlyKey_failsClearly_targetUntouched_namesTheTemporaryTable() {
        String db = freshDatabase(TD.server());
        writer(TD.server(), db, "events").build().write(SCHEMA, records(1, 2));
        TdWriter w = writer(TD.server(), db, "events").apiKey(LocalTdServer.WRITE_ONLY_KEY).mode(TdWriteMode.REPLACE).build();

        assertThatThrownBy(() -> w.write(SCHEMA, records(100, 2)))
                .isInstanceOf(FerryIoException.class)
                .hasMessageContaining("may not swap tables " + db + ".events and " + db + ".events_ferry_tmp_")
                .hasMessageContaining("REPLACE needs a key that may swap and delete tables (a master key)")
                .hasMessageContaining("the target " + db + ".events is untouched")
                .hasMessageMatching("(?s).*the temporary table " + db + "\\.events_ferry_tmp_[0-9a-f]{12} could not be"
                        + " deleted.*delete it with a key that may delete tables.*")
                .hasMessageNotContaining(LocalTdServer.WRITE_ONLY_KEY);
        assertThat(codes(db, "events")).containsExactly(1L, 2L);
        assertThat(TD.server().tables(db)).hasSize(2).contains("events");
    }

    @Test
    void append_writeOnlyKey_works() {
        String db = freshDatabase(TD.server());

        writer(TD.server(), db, "events").apiKey(LocalTdServer.WRITE_ONLY_KEY).build().write(SCHEMA, records(1, 2));

        assertThat(codes(db, "events")).containsExactly(1L, 2L);
    }

    @Test
    void missingDatabase_throwsNamingIt() {
        TdWriter w = writer(TD.server(), "no_such_db", "events").build();

        assertThatThrownBy(() -> w.write(SCHEMA, records(1, 1)))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageStartingWith("database 'no_such_db' does not exist at " + TD.server().endpoint())
                .hasMessageEndingWith("create it, or set createDatabaseIfMissing(true) (database)");
        assertThat(TD.server().databases()).doesNotContain("no_such_db");
    }

    @Test
    void missingDatabase_createDatabaseIfMissing_createsDatabaseAndTable() {
        TdWriteResult r = writer(TD.server(), "created_db", "events").createDatabaseIfMissing(true).build()
                .write(SCHEMA, records(1, 1));

        assertThat(codes("created_db", "events")).containsExactly(1L);
        assertThat(r.tablesTouched()).containsExactly("created_db", "created_db.events");
    }

    @Test
    void unknownKey_failsWith401Message_withoutTheKey() {
        String db = freshDatabase(TD.server());
        TdWriter w = writer(TD.server(), db, "events").apiKey("9/not-a-real-key").build();

        assertThatThrownBy(() -> w.write(SCHEMA, records(1, 1)))
                .isInstanceOf(FerryIoException.class)
                .hasMessageStartingWith("Treasure Data rejected the API key **** (HTTP 401) on create table " + db + ".events")
                .hasMessageContaining("check apiKey or TD_API_KEY")
                .hasMessageNotContaining("not-a-real-key");
    }

    @Test
    void smallChunkSize_uploadsSeveralChunks_eachWithItsOwnId() {
        String db = freshDatabase(TD.server());
        int before = TD.server().requests().size();

        TdWriteResult r = writer(TD.server(), db, "events").chunkSize(1024).build().write(SCHEMA, records(0, 300));

        List<String> imports = TD.server().requests().subList(before, TD.server().requests().size()).stream()
                .filter(l -> l.startsWith("PUT /v3/table/import_with_id/" + db + "/events/")).collect(Collectors.toList());
        assertThat(r.chunks()).isGreaterThan(3);
        assertThat(imports).hasSize(r.chunks()).doesNotHaveDuplicates();
        assertThat(TD.server().rows(db, "events")).hasSize(300);
        assertThat(codes(db, "events")).first().isEqualTo(0L);
        assertThat(r.rows()).isEqualTo(300);
        assertThat(r.uncompressedBytes()).isGreaterThan(1024L * (r.chunks() - 1));
        assertThat(r.bytes()).isPositive().isLessThan(r.uncompressedBytes());
    }

    @Test
    void rowsCarryTimeAndColumns() {
        String db = freshDatabase(TD.server());

        writer(TD.server(), db, "events").build().write(SCHEMA, records(5, 1));

        assertThat(TD.server().rows(db, "events")).containsExactly(Map.of("time", 1_700_000_000L, "code", 5L, "name", "n5"));
    }
}
