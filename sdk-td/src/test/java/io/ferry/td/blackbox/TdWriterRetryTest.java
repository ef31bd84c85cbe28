package io.ferry.td.blackbox;

import static io.ferry.td.blackbox.TdTestData.SCHEMA;
import static io.ferry.td.blackbox.TdTestData.freshDatabase;
import static io.ferry.td.blackbox.TdTestData.records;
import static io.ferry.td.blackbox.TdTestData.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryIoException;
import io.ferry.td.TdWriteMode;
import io.ferry.td.TdWriteResult;
import io.ferry.td.testing.Fault;
import io.ferry.td.testing.LocalTdServer;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TdWriterRetryTest {
    private static LocalTdServer td;

    @BeforeAll
    static void start() {
        td = LocalTdServer.start();
    }

    @AfterAll
    static void stop() {
        td.close();
    }

    static Stream<Fault> faultsOnTheFirstUpload() {
        return Stream.of(
                Fault.status(500),
                Fault.status(503),
                Fault.tooManyRequests(0),
                Fault.dropConnection(),
                Fault.status(500).afterHandling(),
                Fault.dropConnection().afterHandling());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faultsOnTheFirstUpload")
    void retriedChunk_afterInjectedFailure_isStoredOnce(Fault fault) {
        String db = freshDatabase(td);
        String importPrefix = "PUT /v3/table/import_with_id/" + db + "/events/";
        td.injectFault(importPrefix, 1, fault);
        int before = td.requests().size();

        TdWriteResult r = writer(td, db, "events").build().write(SCHEMA, records(1, 3));

        List<String> uploads = td.requests().subList(before, td.requests().size()).stream()
                .filter(l -> l.startsWith(importPrefix)).collect(Collectors.toList());
        assertThat(uploads).hasSize(2);
        assertThat(uploads.get(1)).isEqualTo(uploads.get(0));
        assertThat(td.rows(db, "events")).hasSize(3);
        assertThat(r.chunks()).isEqualTo(1);
    }

    @Test
    void failedCreateTable_isRetried() {
        String db = freshDatabase(td);
        td.injectFault("POST /v3/table/create/" + db + "/", 1, Fault.status(502));
        td.injectFault("POST /v3/table/create/" + db + "/", 1, Fault.dropConnection().afterHandling());

        writer(td, db, "events").build().write(SCHEMA, records(1, 2));

        assertThat(td.rows(db, "events")).hasSize(2);
    }

    @Test
    void attemptsExhausted_throwsRetryableErrorNamingTheTable() {
        String db = freshDatabase(td);
        for (int i = 0; i < 3; i++) {
            td.injectFault("PUT /v3/table/import_with_id/" + db + "/", 1, Fault.dropConnection());
        }

        assertThatThrownBy(() -> writer(td, db, "events").maxAttempts(3).build().write(SCHEMA, records(1, 2)))
                .isInstanceOf(FerryIoException.class)
                .hasMessageStartingWith("import ")
                .hasMessageContaining("bytes into " + db + ".events at " + td.endpoint() + " failed after 3 attempt(s): ")
                .satisfies(e -> assertThat(((FerryIoException) e).retryable()).isTrue());
    }

    @Test
    void swapAnsweredWith500_isNotRepeated_andTheErrorSaysTheOutcomeIsUnknown() {
        String db = freshDatabase(td);
        writer(td, db, "events").build().write(SCHEMA, records(1, 2));
        td.injectFault("POST /v3/table/swap/", 1, Fault.status(500).afterHandling());
        int before = td.requests().size();

        assertThatThrownBy(() -> writer(td, db, "events").mode(TdWriteMode.REPLACE).build().write(SCHEMA, records(7, 1)))
                .isInstanceOf(FerryIoException.class)
                .hasMessageContaining("failed with HTTP 500; the outcome is unknown");
        assertThat(td.requests().subList(before, td.requests().size()))
                .filteredOn(l -> l.contains("/swap/")).hasSize(1);
        // the swap happened: the table holds the new rows, and the swapped-out table was deleted
        assertThat(td.rows(db, "events")).hasSize(1);
        assertThat(td.tables(db)).containsExactly("events");
    }
}
