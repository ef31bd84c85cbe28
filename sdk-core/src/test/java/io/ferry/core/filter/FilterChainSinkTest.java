package io.ferry.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.sink.RecordSink;
import io.ferry.core.testing.TestClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterChainSinkTest {
    private static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.LONG), Column.of("doc", ColumnType.JSON));

    @Test
    void wrap_opensSinkWithOutputSchemaAndFiltersEveryRecord() {
        CollectingSink target = new CollectingSink();
        FilterChain chain = FilterChain.of(
                Filters.expandJson("doc", List.of(JsonField.of("/v", "v", ColumnType.STRING))),
                Filters.add(Column.of("src", ColumnType.STRING), "test"));
        RecordSink sink = chain.wrap(target);

        sink.open(SCHEMA);
        sink.write(Record.of(SCHEMA, 1L, "{\"v\": \"a\"}"));
        sink.write(Record.of(SCHEMA, 2L, "{}"));
        sink.commit();

        assertThat(target.schema).hasToString("[id:long, v:string, src:string]");
        assertThat(target.records).extracting(Record::toString)
                .containsExactly("{id=1, v=a, src=test}", "{id=2, v=null, src=test}");
        assertThat(target.events).containsExactly("open", "write", "write", "commit");
    }

    @Test
    void wrap_dataErrorInThirdRecord_carriesRecordNumber() {
        CollectingSink target = new CollectingSink();
        RecordSink sink = FilterChain.of(Filters.expandJson("doc", List.of(JsonField.of("/v", "v", ColumnType.LONG))))
                .wrap(target);
        sink.open(SCHEMA);
        sink.write(Record.of(SCHEMA, 1L, "{\"v\": 1}"));
        sink.write(Record.of(SCHEMA, 2L, "{\"v\": 2}"));

        assertThatThrownBy(() -> sink.write(Record.of(SCHEMA, 3L, "{\"v\": \"three\"}")))
                .isInstanceOf(FerryDataException.class)
                .hasMessage("expandJson, line 3, column 'v': the string \"three\" is not a LONG "
                        + "(a whole number between -2^63 and 2^63-1)")
                .extracting(e -> ((FerryDataException) e).line()).isEqualTo(3L);
        sink.abort();
        assertThat(target.events).containsExactly("open", "write", "write", "abort");
    }

    @Test
    void wrap_filterNotFittingSchema_failsAtOpenWithoutOpeningSink() {
        CollectingSink target = new CollectingSink();
        RecordSink sink = FilterChain.of(Filters.drop("id"), Filters.addTime("id")).wrap(target);

        assertThatThrownBy(() -> sink.open(SCHEMA))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("no column named 'id' to take the time from; the columns are [doc] (addTime)");
        assertThat(target.events).isEmpty();
    }

    @Test
    void wrap_eachOpenTakesAFreshUploadTime() {
        TestClock clock = TestClock.at(Instant.ofEpochSecond(1000));
        CollectingSink target = new CollectingSink();
        RecordSink sink = FilterChain.of(Filters.addTime(clock)).wrap(target);

        clock.set(Instant.ofEpochSecond(2000));
        sink.open(SCHEMA);
        sink.write(Record.of(SCHEMA, 1L, null));
        clock.set(Instant.ofEpochSecond(3000));
        sink.open(SCHEMA);
        sink.write(Record.of(SCHEMA, 2L, null));

        assertThat(target.records).extracting(r -> r.getLong("time")).containsExactly(2000L, 3000L);
    }

    @Test
    void chain_valueSemantics() {
        assertThat(FilterChain.of(Filters.drop("a"))).isEqualTo(FilterChain.of(List.of(Filters.drop("a"))))
                .hasSameHashCodeAs(FilterChain.of(Filters.drop("a")))
                .hasToString("FilterChain[drop[a]]");
        assertThat(FilterChain.of()).isSameAs(FilterChain.empty());
        Record row = Record.of(SCHEMA, 1L, null);
        assertThat(FilterChain.empty().apply(row)).isSameAs(row);
    }

    private static final class CollectingSink implements RecordSink {
        final List<String> events = new ArrayList<>();
        final List<Record> records = new ArrayList<>();
        Schema schema;

        @Override
        public void open(Schema s) {
            events.add("open");
            schema = s;
        }

        @Override
        public void write(Record record) {
            events.add("write");
            records.add(record);
        }

        @Override
        public void commit() {
            events.add("commit");
        }

        @Override
        public void abort() {
            events.add("abort");
        }
    }
}
