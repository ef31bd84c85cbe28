package io.ferry.core.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import org.junit.jupiter.api.Test;

class CollectingSinkTest {
    private final Schema schema = Schema.of(Column.of("n", ColumnType.LONG));

    @Test
    void commit_afterWrites_exposesRecordsInOrder() {
        CollectingSink sink = new CollectingSink();
        sink.open(schema);
        sink.write(Record.of(schema, 1L));
        sink.write(Record.of(schema, 2L));
        assertThat(sink.records()).isEmpty();
        sink.commit();
        assertThat(sink.records()).containsExactly(Record.of(schema, 1L), Record.of(schema, 2L));
        assertThat(sink.state()).isEqualTo(CollectingSink.State.COMMITTED);
        assertThat(sink.schema()).isEqualTo(schema);
    }

    @Test
    void abort_afterWrites_keepsNothing() {
        CollectingSink sink = new CollectingSink();
        sink.open(schema);
        sink.write(Record.of(schema, 1L));
        sink.abort();
        assertThat(sink.records()).isEmpty();
        assertThat(sink.state()).isEqualTo(CollectingSink.State.ABORTED);
    }

    @Test
    void write_beforeOpen_throws() {
        assertThatThrownBy(() -> new CollectingSink().write(Record.of(schema, 1L)))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("write() needs an open sink (state NEW); call open(schema) first (write)");
    }
}
