package io.ferry.td;

import static io.ferry.td.TdTestData.SCHEMA;
import static io.ferry.td.TdTestData.freshDatabase;
import static io.ferry.td.TdTestData.records;
import static io.ferry.td.TdTestData.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ferry.core.testing.CapturingLoggerFactory;
import io.ferry.td.testing.Fault;
import io.ferry.td.testing.LocalTdServer;
import org.junit.jupiter.api.Test;

/** The test runs log through sdk-core's capturing binding, so the test can read the log. */
class TdWriterLogsTest {
    @Test
    void logsOfRetriesAndFailures_neverContainTheKey() {
        long mark;
        try (LocalTdServer td = LocalTdServer.start()) {
            String db = freshDatabase(td);
            writer(td, db, "events").build().write(SCHEMA, records(1, 2));
            td.injectFault("PUT /v3/table/import_with_id/", 1, Fault.status(503));
            mark = CapturingLoggerFactory.mark();

            writer(td, db, "events").mode(TdWriteMode.REPLACE).build().write(SCHEMA, records(5, 1));
            Throwable failure = catchThrowable(() -> writer(td, db, "events").apiKey(LocalTdServer.WRITE_ONLY_KEY)
                    .mode(TdWriteMode.REPLACE).build().write(SCHEMA, records(7, 1)));

            assertThat(failure).hasMessageContaining("****");
        }
        String log = String.join("\n", CapturingLoggerFactory.linesSince(mark));
        assertThat(log).contains("answered HTTP 503; retrying", "could not be deleted", "****")
                .doesNotContain(LocalTdServer.MASTER_KEY, LocalTdServer.WRITE_ONLY_KEY, "TD1 ");
    }
}
