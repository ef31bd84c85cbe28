package io.ferry.td;

import static io.ferry.td.TdTestData.SCHEMA;
import static io.ferry.td.TdTestData.freshDatabase;
import static io.ferry.td.TdTestData.records;
import static io.ferry.td.TdTestData.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryIoException;
import io.ferry.td.testing.Fault;
import io.ferry.td.testing.LocalTdServer;
import io.ferry.td.testing.LocalTdServerExtension;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TdWriterRetryTest {
    @RegisterExtension
    static final LocalTdServerExtension TD = new LocalTdServerExtension();

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
        String db = freshDatabase(TD.server());
        String importPrefix = "PUT /v3/table/import_with_id/" + db + "/events/";
        TD.server().injectFault(importPrefix, 1, fault);
        int before = TD.server().requests().size();

        TdWriteResult r = writer(TD.server(), db, "events").build().write(SCHEMA, records(1, 3));

        List<String> uploads = TD.server().requests().subList(before, TD.server().requests().size()).stream()
                .filter(l -> l.startsWith(importPrefix)).collect(Collectors.toList());
        assertThat(uploads).hasSize(2);
        assertThat(uploads.get(1)).isEqualTo(uploads.get(0));
        assertThat(TD.server().rows(db, "events")).hasSize(3);
        assertThat(r.chunks()).isEqualTo(1);
    }

    @Test
    void failedCreateTable_isRetried() {
        String db = freshDatabase(TD.server());
        TD.server().injectFault("POST /v3/table/create/" + db + "/", 1, Fault.status(502));
        TD.server().injectFault("POST /v3/table/create/" + db + "/", 1, Fault.dropConnection().afterHandling());

        writer(TD.server(), db, "events").build().write(SCHEMA, records(1, 2));

        assertThat(TD.server().rows(db, "events")).hasSize(2);
    }

    @Test
    void attemptsExhausted_throwsRetryableErrorNamingTheTable() {
        String db = freshDatabase(TD.server());
        for (int i = 0; i < 3; i++) {
            TD.server().injectFault("PUT /v3/table/import_with_id/" + db + "/", 1, Fault.dropConnection());
        }

        assertThatThrownBy(() -> writer(TD.server(), db, "events").maxAttempts(3).build().write(SCHEMA, records(1, 2)))
                .isInstanceOf(FerryIoException.class)
                .hasMessageStartingWith("import ")
                .hasMessageContaining("bytes into " + db + ".events at " + TD.server().endpoint() + " failed after 3 attempt(s): ")
                .satisfies(e -> assertThat(((FerryIoException) e).retryable()).isTrue());
    }

    @Test
    void swapAnsweredWith500_isNotRepeated_andTheErrorSaysTheOutcomeIsUnknown() {
        String db = freshDatabase(TD.server());
        writer(TD.server(), db, "events").build().write(SCHEMA, records(1, 2));
        TD.server().injectFault("POST /v3/table/swap/", 1, Fault.status(500).afterHandling());
        int before = TD.server().requests().size();

        assertThatThrownBy(() -> writer(TD.server(), db, "events").mode(TdWriteMode.REPLACE).build().write(SCHEMA, records(7, 1)))
                .isInstanceOf(FerryIoException.class)
                .hasMessageContaining("failed with HTTP 500; the outcome is unknown");
        assertThat(TD.server().requests().subList(before, TD.server().requests().size()))
                .filteredOn(l -> l.contains("/swap/")).hasSize(1);
        // the swap happened: the table holds the new rows, and the swapped-out table was deleted
        assertThat(TD.server().rows(db, "events")).hasSize(1);
        assertThat(TD.server().tables(db)).containsExactly("events");
    }
}
