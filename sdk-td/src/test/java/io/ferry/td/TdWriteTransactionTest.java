package io.ferry.td;

import static io.ferry.td.TdTestData.SCHEMA;
import static io.ferry.td.TdTestData.freshDatabase;
import static io.ferry.td.TdTestData.records;
import static io.ferry.td.TdTestData.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.td.testing.LocalTdServer;
import io.ferry.td.testing.LocalTdServerExtension;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The transaction form: {@code begin}, {@code write}..., {@code commit} or {@code abort}/{@code close}. */
class TdWriteTransactionTest {
    @RegisterExtension
    static final LocalTdServerExtension TD = new LocalTdServerExtension();

    private static List<Long> codes(String db, String table) {
        return TD.server().rows(db, table).stream().map(r -> (Long) r.get("code")).sorted().collect(Collectors.toList());
    }

    @Test
    void replace_commit_publishesAndReturnsTheResult_butLeavesLastResultAlone() {
        String db = freshDatabase(TD.server());
        writer(TD.server(), db, "events").build().write(SCHEMA, records(1, 2));
        TdWriter w = writer(TD.server(), db, "events").mode(TdWriteMode.REPLACE).build();

        TdWriteResult r;
        try (TdWriteTransaction tx = w.begin(SCHEMA)) {
            records(10, 3).forEach(tx::write);
            assertThat(tx.rowCount()).isEqualTo(3);
            assertThat(codes(db, "events")).as("nothing visible before commit").containsExactly(1L, 2L);
            r = tx.commit();
        }

        assertThat(codes(db, "events")).containsExactly(10L, 11L, 12L);
        assertThat(TD.server().tables(db)).containsExactly("events");
        assertThat(r.rows()).isEqualTo(3);
        assertThat(r.published()).isTrue();
        assertThat(w.lastResult()).isEmpty();
    }

    @Test
    void replace_closeWithoutCommit_abortsAndDeletesTheTemporaryTable() {
        String db = freshDatabase(TD.server());
        writer(TD.server(), db, "events").build().write(SCHEMA, records(1, 2));
        TdWriter w = writer(TD.server(), db, "events").mode(TdWriteMode.REPLACE).chunkSize(1024).build();

        TdWriteTransaction tx = w.begin(SCHEMA);
        records(100, 300).forEach(tx::write);
        List<String> whileOpen = List.copyOf(TD.server().tables(db));
        tx.close();
        tx.close();

        assertThat(whileOpen).as("chunks went into a temporary table").hasSize(2);
        assertThat(codes(db, "events")).containsExactly(1L, 2L);
        assertThat(TD.server().tables(db)).containsExactly("events");
    }

    @Test
    void commitTwice_isAConfigError_andCloseAfterCommitKeepsTheRows() {
        String db = freshDatabase(TD.server());
        TdWriter w = writer(TD.server(), db, "events").build();
        TdWriteTransaction tx = w.begin(SCHEMA);
        records(1, 2).forEach(tx::write);
        tx.commit();

        assertThatThrownBy(tx::commit)
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("this write is over (committed, aborted or failed); open a new one (open)");
        tx.close();
        assertThat(codes(db, "events")).containsExactly(1L, 2L);
    }

    @Test
    void twoTransactionsOfOneWriter_runSideBySide_andBothPublish() {
        String db = freshDatabase(TD.server());
        TdWriter w = writer(TD.server(), db, "events").build();

        try (TdWriteTransaction first = w.begin(SCHEMA); TdWriteTransaction second = w.begin(SCHEMA)) {
            records(1, 2).forEach(first::write);
            records(7, 1).forEach(second::write);
            second.commit();
            first.commit();
        }

        assertThat(codes(db, "events")).containsExactly(1L, 2L, 7L);
    }

    @Test
    void oneShotWrite_isKeptAsLastResult_evenWhileTheRecordSinkFormIsOpen() {
        String db = freshDatabase(TD.server());
        TdWriter w = writer(TD.server(), db, "events").build();
        w.open(SCHEMA);
        records(1, 1).forEach(w::write);

        TdWriteResult oneShot = w.write(SCHEMA, records(5, 2));
        assertThat(w.lastResult()).contains(oneShot);
        w.commit();

        assertThat(w.lastResult()).hasValueSatisfying(r -> assertThat(r.rows()).isEqualTo(1));
        assertThat(codes(db, "events")).containsExactly(1L, 5L, 6L);
    }

    @Test
    void begin_nullSchema_isAConfigErrorNamingTheArgument() {
        TdWriter w = writer(TD.server(), freshDatabase(TD.server()), "events").build();

        assertThatThrownBy(() -> w.begin(null))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("schema must not be null (schema)");
    }
}
