package io.ferry.td.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.td.testing.MsgpackRows;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

class TdRowEncoderTest {
    private static final Instant UPLOAD = Instant.parse("2026-11-25T09:00:00Z");
    private static final Instant CREATED = Instant.parse("2024-01-02T03:04:05.678Z");

    private static Column col(String name, String type) {
        return Column.of(name, ColumnType.valueOf(type));
    }

    private static Object value(String type) {
        return type.equals("LONG") ? (Object) CREATED.getEpochSecond() : type.equals("TIMESTAMP") ? CREATED : "x";
    }

    private static byte[] encode(TdRowEncoder encoder, Record... records) throws IOException {
        MsgpackGzChunk chunk = new MsgpackGzChunk(1024);
        long n = 0;
        for (Record r : records) {
            encoder.encode(r, ++n, chunk.packer());
            chunk.rowWritten();
        }
        return chunk.finish();
    }

    private static Map<String, Object> row(TdRowEncoder encoder, Record record) throws IOException {
        List<Map<String, Object>> rows = MsgpackRows.decode(encode(encoder, record));
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    /** One line per rule: columns (name:TYPE), timeColumn, timeValue, expected time, expected keys. */
    @ParameterizedTest(name = "[{index}] columns {0}, timeColumn {1}, timeValue {2} -> time {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // a 'time' column is used as is: LONG seconds, or TIMESTAMP as its seconds
            "time:LONG,name:STRING            | -          | -   | 1704164645 | time,name",
            "time:TIMESTAMP,name:STRING       | -          | -   | 1704164645 | time,name",
            "time:LONG,name:STRING            | time       | -   | 1704164645 | time,name",
            // else timeColumn is copied into 'time', the column itself stays
            "created_at:LONG,name:STRING      | created_at | -   | 1704164645 | time,created_at,name",
            "created_at:TIMESTAMP,name:STRING | created_at | -   | 1704164645 | time,created_at,name",
            // else timeValue, else the upload time
            "created_at:LONG,name:STRING      | -          | 42  | 42         | time,created_at,name",
            "created_at:LONG,name:STRING      | -          | -   | 1795597200 | time,created_at,name",
    })
    void timeRules(String columns, String timeColumn, Long timeValue, long expectedTime, String expectedKeys)
            throws IOException {
        Column[] cols = Arrays.stream(columns.split(","))
                .map(c -> col(c.split(":")[0], c.split(":")[1])).toArray(Column[]::new);
        Schema schema = Schema.of(cols);
        Object[] values = Arrays.stream(cols).map(c -> value(c.type().name())).toArray();
        TdRowEncoder encoder = TdRowEncoder.of(schema, timeColumn, timeValue, UPLOAD, "td:db.t");

        Map<String, Object> row = row(encoder, Record.of(schema, values));

        assertThat(row.get("time")).isEqualTo(expectedTime);
        assertThat(String.join(",", row.keySet())).isEqualTo(expectedKeys);
    }

    /** One line per configuration error: columns, timeColumn, timeValue, option, message. */
    @ParameterizedTest(name = "[{index}] {3}: {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "created_at:LONG    | missing    | -  | timeColumn | there is no column 'missing' to use as the row time; the columns are [created_at]",
            "created_at:STRING  | created_at | -  | timeColumn | column 'created_at' is STRING, but the row time must be LONG (unix seconds) or TIMESTAMP; convert it, or name another column with timeColumn(...) after renaming this one",
            "time:STRING        | -          | -  | time       | column 'time' is STRING, but the row time must be LONG (unix seconds) or TIMESTAMP; convert it, or name another column with timeColumn(...) after renaming this one",
            "time:DOUBLE        | -          | -  | time       | column 'time' is DOUBLE, but the row time must be LONG (unix seconds) or TIMESTAMP; convert it, or name another column with timeColumn(...) after renaming this one",
            "time:LONG,c:LONG   | c          | -  | timeColumn | the records already have a 'time' column, which Treasure Data uses as the row time; remove timeColumn(\"c\") or rename the 'time' column",
            "time:LONG          | -          | 42 | timeValue  | the records already have a 'time' column, which Treasure Data uses as the row time; remove timeValue(42) or rename the 'time' column",
    })
    void timeRules_misconfigured_throw(String columns, String timeColumn, Long timeValue, String option, String message) {
        Schema schema = Schema.of(Arrays.stream(columns.split(","))
                .map(c -> col(c.split(":")[0], c.split(":")[1])).toArray(Column[]::new));

        assertThatThrownBy(() -> TdRowEncoder.of(schema, timeColumn, timeValue, UPLOAD, "td:db.t"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage(message + " (" + option + ")")
                .satisfies(e -> assertThat(((FerryConfigException) e).option()).isEqualTo(option));
    }

    @Test
    void nullTime_throwsDataErrorWithRecordNumberAndColumn() {
        Schema schema = Schema.of(col("created_at", "TIMESTAMP"));
        TdRowEncoder encoder = TdRowEncoder.of(schema, "created_at", null, UPLOAD, "td:db.t");

        assertThatThrownBy(() -> encode(encoder, Record.of(schema, CREATED), Record.of(schema, (Object) null)))
                .isInstanceOf(FerryDataException.class)
                .hasMessage("td:db.t, line 2, column 'created_at': the row time is null; every Treasure Data row"
                        + " needs a time: fill the column, or filter such rows out");
    }

    @Test
    void recordOfAnotherSchema_throwsDataError() {
        Schema schema = Schema.of(col("a", "LONG"));
        Schema other = Schema.of(col("b", "LONG"));
        TdRowEncoder encoder = TdRowEncoder.of(schema, null, null, UPLOAD, "td:db.t");

        assertThatThrownBy(() -> encode(encoder, Record.of(other, 1L)))
                .isInstanceOf(FerryDataException.class)
                .hasMessage("td:db.t, line 1: the record's schema [b:long] differs from the schema given at open, [a:long]");
    }

    @Test
    void typeMapping_valuesAsTreasureDataConnectorWritesThem() throws IOException {
        Schema schema = Schema.of(col("l", "LONG"), col("d", "DOUBLE"), col("s", "STRING"), col("b", "BOOLEAN"),
                col("ts", "TIMESTAMP"), col("j", "JSON"), col("n", "STRING"));
        TdRowEncoder encoder = TdRowEncoder.of(schema, null, 7L, UPLOAD, "td:db.t");
        Record record = Record.of(schema, -5L, 2.5, "héllo", true, CREATED, "{\"a\": [1, 2]}", null);

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("time", 7L);
        expected.put("l", -5L);
        expected.put("d", 2.5);
        expected.put("s", "héllo");
        expected.put("b", true);
        expected.put("ts", "2024-01-02 03:04:05.678");
        expected.put("j", "{\"a\": [1, 2]}");
        expected.put("n", null);
        assertThat(row(encoder, record)).containsExactlyEntriesOf(expected);

        // the wire formats: int, float, str, bool, str, str, nil
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(
                new GZIPInputStream(new ByteArrayInputStream(encode(encoder, record))))) {
            assertThat(u.unpackMapHeader()).isEqualTo(8);
            List<ValueType> kinds = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                u.unpackString();
                kinds.add(u.getNextFormat().getValueType());
                u.skipValue();
            }
            assertThat(kinds).containsExactly(ValueType.INTEGER, ValueType.INTEGER, ValueType.FLOAT, ValueType.STRING,
                    ValueType.BOOLEAN, ValueType.STRING, ValueType.STRING, ValueType.NIL);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "1970-01-01T00:00:00Z,       1970-01-01 00:00:00.000",
            "2024-02-29T23:59:59.999999Z, 2024-02-29 23:59:59.999",
            "1969-12-31T23:59:59.5Z,     1969-12-31 23:59:59.500",
    })
    void formatTimestamp_utcMillis(String instant, String expected) {
        assertThat(TdRowEncoder.formatTimestamp(Instant.parse(instant))).isEqualTo(expected);
    }

    @Test
    void timestampTime_beforeEpoch_floorsToTheSecond() throws IOException {
        Schema schema = Schema.of(col("time", "TIMESTAMP"));
        TdRowEncoder encoder = TdRowEncoder.of(schema, null, null, UPLOAD, "td:db.t");

        assertThat(row(encoder, Record.of(schema, Instant.parse("1969-12-31T23:59:59.5Z"))).get("time")).isEqualTo(-1L);
    }
}
