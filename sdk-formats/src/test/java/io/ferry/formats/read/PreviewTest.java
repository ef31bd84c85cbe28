package io.ferry.formats.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreviewTest {
    @Test
    void toTable_rows_rendersAlignedAsciiTable() {
        Schema s = Schema.of(Column.of("id", ColumnType.LONG), Column.of("company", ColumnType.STRING),
                Column.of("created_at", ColumnType.TIMESTAMP));
        Preview p = Preview.of(s, List.of(Record.of(s, 11200L, "AA Inc.", Instant.parse("2015-03-31T06:12:37Z")),
                Record.of(s, 7L, null, null)));
        assertThat(p.toTable()).isEqualTo(""
                + "| id    | company | created_at              |\n"
                + "|-------|---------|-------------------------|\n"
                + "| 11200 | AA Inc. | 2015-03-31 06:12:37 UTC |\n"
                + "|     7 |         |                         |\n");
    }
}
