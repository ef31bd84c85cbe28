package io.ferry.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RecordSourcesTest {
    private static final Schema SCHEMA = Schema.of(Column.of("code", ColumnType.LONG), Column.of("cnt", ColumnType.LONG));

    @Test
    void fromArrays_iterableCanBeReadTwice() {
        RecordSource source = RecordSources.fromArrays(SCHEMA, List.of(new Object[] {200L, 4981L}, new Object[] {302, null}));

        assertThat(source.schema()).isEqualTo(SCHEMA);
        assertThat(list(source)).containsExactly(Record.of(SCHEMA, 200L, 4981L), Record.of(SCHEMA, 302L, null));
        assertThat(list(source)).hasSize(2);
    }

    @Test
    void fromArrays_badValue_namesRecordNumberAndColumn() {
        RecordSource source = RecordSources.fromArrays(SCHEMA,
                List.of(new Object[] {200L, 4981L}, new Object[] {302L, null}, new Object[] {404L, "17"}));

        assertThatThrownBy(() -> list(source))
                .isInstanceOf(FerryDataException.class)
                .hasMessage("record, line 3, column 'cnt': a String cannot be stored in a LONG column; expected Long");
    }

    @Test
    void fromArrays_stream_isIterableOnce() {
        RecordSource source = RecordSources.fromArrays(SCHEMA, Stream.<Object[]>of(new Object[] {1L, 2L}));

        assertThat(list(source)).containsExactly(Record.of(SCHEMA, 1L, 2L));
        assertThatThrownBy(source::iterator)
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("this record source reads a stream and can be iterated only once; make a new source"
                        + " for a second pass (iterator)");
    }

    @Test
    void fromMaps_unknownKey_namesRecordNumberAndKey() {
        RecordSource source = RecordSources.fromMaps(SCHEMA, List.of(Map.of("code", 1L), Map.of("code", 2L, "cnd", 3L)));

        assertThatThrownBy(() -> list(source))
                .isInstanceOf(FerryDataException.class)
                .hasMessage("record, line 2, column 'cnd': not a column of the schema; the columns are [code, cnt]");
    }

    @Test
    void fromMaps_streamOfMaps() {
        RecordSource source = RecordSources.fromMaps(SCHEMA, Stream.of(Map.of("cnt", 5)));

        assertThat(list(source)).containsExactly(Record.of(SCHEMA, null, 5L));
    }

    @Test
    void of_recordOfOtherSchema_throws() {
        Schema other = Schema.of(Column.of("code", ColumnType.STRING));
        RecordSource source = RecordSources.of(SCHEMA, List.of(Record.of(SCHEMA, 1L, 2L), Record.of(other, "x")));

        assertThatThrownBy(() -> list(source))
                .isInstanceOf(FerryDataException.class)
                .hasMessage("record, line 2: bound to schema [code:string], expected [code:long, cnt:long]");
    }

    private static List<Record> list(RecordSource source) {
        List<Record> out = new ArrayList<>();
        source.forEach(out::add);
        return out;
    }
}
