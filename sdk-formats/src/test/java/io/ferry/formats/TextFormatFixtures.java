package io.ferry.formats;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Schema;
import java.time.Instant;

/** The schema and instant the CSV and JSON Lines format tests share. */
final class TextFormatFixtures {
    /** One column of every type. */
    static final Schema ALL_TYPES = Schema.of(
            Column.of("id", ColumnType.LONG), Column.of("score", ColumnType.DOUBLE),
            Column.of("ok", ColumnType.BOOLEAN), Column.of("at", ColumnType.TIMESTAMP),
            Column.of("name", ColumnType.STRING), Column.of("attrs", ColumnType.JSON));
    /** An instant with sub-millisecond digits, which the default pattern cuts. */
    static final Instant AT = Instant.parse("2026-11-25T09:15:37.123456Z");

    private TextFormatFixtures() {
    }
}
