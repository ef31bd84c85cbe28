package io.ferry.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecordTest {
    private static final Instant AT = Instant.parse("2026-11-25T09:15:37.123456789Z");
    private static final Schema SCHEMA = Schema.of(
            Column.of("ok", ColumnType.BOOLEAN), Column.of("n", ColumnType.LONG), Column.of("x", ColumnType.DOUBLE),
            Column.of("s", ColumnType.STRING), Column.of("t", ColumnType.TIMESTAMP), Column.of("j", ColumnType.JSON));

    @Test
    void of_typedGettersByIndexAndName() {
        Record r = Record.of(SCHEMA, true, 7L, 1.5, "a", AT, "{\"k\": 1}");

        assertThat(r.getBoolean(0)).isTrue();
        assertThat(r.getLong("n")).isEqualTo(7L);
        assertThat(r.getDouble("x")).isEqualTo(1.5);
        assertThat(r.getString(3)).isEqualTo("a");
        assertThat(r.getInstant("t")).isEqualTo(AT);
        assertThat(r.getString("j")).isEqualTo("{\"k\": 1}");
        assertThat(r.get("s")).isEqualTo("a");
        assertThat(r.size()).isEqualTo(6);
        assertThat(r.schema()).isSameAs(SCHEMA);
        assertThat(r.toString()).isEqualTo("{ok=true, n=7, x=1.5, s=a, t=2026-11-25T09:15:37.123456789Z, j={\"k\": 1}}");
    }

    @Test
    void of_nullsEverywhere() {
        Record r = Record.of(SCHEMA, null, null, null, null, null, null);

        for (int i = 0; i < SCHEMA.size(); i++) {
            assertThat(r.isNull(i)).isTrue();
            assertThat(r.get(i)).isNull();
        }
        assertThat(r.isNull("t")).isTrue();
        assertThat(r.getLong("n")).isNull();
        assertThat(r.getInstant("t")).isNull();
    }

    @Test
    void of_singleNullForOneColumnSchema() {
        Schema one = Schema.of(Column.of("a", ColumnType.STRING));

        assertThat(Record.of(one, (Object) null).isNull(0)).isTrue();
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of(ColumnType.LONG, 5, 5L),
                Arguments.of(ColumnType.LONG, (short) 5, 5L),
                Arguments.of(ColumnType.LONG, (byte) 5, 5L),
                Arguments.of(ColumnType.DOUBLE, 1.5f, 1.5),
                Arguments.of(ColumnType.STRING, new StringBuilder("sb"), "sb"),
                Arguments.of(ColumnType.JSON, new StringBuilder("[1]"), "[1]"),
                Arguments.of(ColumnType.TIMESTAMP, OffsetDateTime.ofInstant(AT, ZoneOffset.ofHours(9)), AT),
                Arguments.of(ColumnType.TIMESTAMP, AT.atZone(ZoneId.of("Europe/Paris")), AT),
                Arguments.of(ColumnType.TIMESTAMP, Timestamp.from(AT), AT),
                Arguments.of(ColumnType.TIMESTAMP, new Date(1_000L), Instant.ofEpochMilli(1_000L)));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("accepted")
    void of_convertsLosslessly(ColumnType type, Object given, Object stored) {
        Schema s = Schema.of(Column.of("c", type));

        assertThat(Record.of(s, given).get(0)).isEqualTo(stored);
    }

    @Test
    void of_wrongType_throwsNamingColumn() {
        assertThatThrownBy(() -> Record.of(SCHEMA, true, "7", 1.5, "a", AT, "{}"))
                .isInstanceOf(FerryDataException.class)
                .hasMessage("record, column 'n': a String cannot be stored in a LONG column; expected Long")
                .satisfies(e -> assertThat(((FerryDataException) e).column()).isEqualTo("n"));
    }

    @Test
    void of_doubleForLongColumn_throws() {
        assertThatThrownBy(() -> Record.of(Schema.of(Column.of("n", ColumnType.LONG)), 1.0))
                .isInstanceOf(FerryDataException.class)
                .hasMessage("record, column 'n': a Double cannot be stored in a LONG column; expected Long");
    }

    @Test
    void of_wrongCount_throws() {
        assertThatThrownBy(() -> Record.of(SCHEMA, true, 1L))
                .isInstanceOf(FerryDataException.class)
                .hasMessage("record: expected 6 values [ok, n, x, s, t, j], got 2");
    }

    @Test
    void getter_ofOtherType_throws() {
        Record r = Record.of(SCHEMA, true, 7L, 1.5, "a", AT, "{}");

        assertThatThrownBy(() -> r.getLong("s"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("column 's' is STRING, not LONG; use the getter of its type, or get(...) (s)");
        assertThatThrownBy(() -> r.getString("n"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("column 'n' is LONG, not STRING or JSON; use the getter of its type, or get(...) (n)");
        assertThatThrownBy(() -> r.get("missing"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("no column named 'missing'; the columns are [ok, n, x, s, t, j] (column)");
    }

    @Test
    void of_copiesTheValues() {
        Object[] values = {true, 7L, 1.5, "a", AT, "{}"};
        Record r = Record.of(SCHEMA, values);
        values[1] = 8L;

        assertThat(r.getLong("n")).isEqualTo(7L);
    }

    @Test
    void ofMap_missingKeysAreNull_unknownKeyThrows() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("n", 3);
        Record r = Record.ofMap(SCHEMA, map);
        map.put("nn", 4);

        assertThat(r.getLong("n")).isEqualTo(3L);
        assertThat(r.isNull("ok")).isTrue();
        assertThat(r).isEqualTo(Record.of(SCHEMA, null, 3L, null, null, null, null));
        assertThatThrownBy(() -> Record.ofMap(SCHEMA, map))
                .isInstanceOf(FerryDataException.class)
                .hasMessage("record, column 'nn': not a column of the schema; the columns are [ok, n, x, s, t, j]");
    }
}
