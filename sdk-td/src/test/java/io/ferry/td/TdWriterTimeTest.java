package io.ferry.td;

import static io.ferry.td.TdTestData.freshDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.td.testing.LocalTdServer;
import io.ferry.td.testing.LocalTdServerExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The time rules end to end; every case of the rules is in TdRowEncoderTest. */
class TdWriterTimeTest {
    private static final Schema SCHEMA = Schema.of(Column.of("created_at", ColumnType.TIMESTAMP),
            Column.of("n", ColumnType.LONG));
    private static final Instant CREATED = Instant.parse("2024-01-02T03:04:05.678Z");
    @RegisterExtension
    static final LocalTdServerExtension TD = new LocalTdServerExtension();

    private static TdWriterBuilder writer(String db) {
        return TdWriter.builder().endpoint(TD.server().endpoint()).apiKey(LocalTdServer.MASTER_KEY).database(db).table("events");
    }

    @Test
    void timeColumn_timestampIsCopiedIntoTime_andKeptAsUtcString() {
        String db = freshDatabase(TD.server());

        writer(db).timeColumn("created_at").build().write(SCHEMA, List.of(Record.of(SCHEMA, CREATED, 1L)));

        assertThat(TD.server().rows(db, "events")).containsExactly(
                Map.of("time", 1704164645L, "created_at", "2024-01-02 03:04:05.678", "n", 1L));
    }

    @Test
    void noTimeGiven_usesTheUploadTime() {
        String db = freshDatabase(TD.server());
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);

        writer(db).clock(clock).build().write(SCHEMA, List.of(Record.of(SCHEMA, CREATED, 1L)));

        assertThat(TD.server().rows(db, "events")).extracting(r -> r.get("time")).containsExactly(1795597200L);
    }

    @Test
    void timeColumnOfWrongType_failsBeforeAnyRequest() {
        String db = freshDatabase(TD.server());
        int before = TD.server().requests().size();

        assertThatThrownBy(() -> writer(db).timeColumn("missing").build().write(SCHEMA, List.of()))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("there is no column 'missing' to use as the row time; the columns are [created_at, n]"
                        + " (timeColumn)");
        assertThat(TD.server().requests()).hasSize(before);
    }
}
