package io.ferry.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.formats.json.JsonLinesFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random records of every type, written as JSON Lines and read back with jackson. */
class JsonLinesRoundTripTest {
    private static final int ROWS = 3000;
    /** 0001-01-01T00:00:00Z up to 9999-12-31T23:59:59.999Z: the years the default pattern shows as is. */
    private static final long FIRST_MILLI = -62_135_596_800_000L;
    private static final long MILLIS = 253_402_300_800_000L - FIRST_MILLI;
    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final Schema SCHEMA = Schema.of(
            Column.of("id", ColumnType.LONG), Column.of("score", ColumnType.DOUBLE),
            Column.of("ok", ColumnType.BOOLEAN), Column.of("at", ColumnType.TIMESTAMP),
            Column.of("name", ColumnType.STRING), Column.of("attrs", ColumnType.JSON));

    @Test
    void randomRecords_readBackByJacksonEqualInput() throws IOException {
        RandomRows strings = new RandomRows(7);
        Random random = strings.random();
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            records.add(Record.of(SCHEMA,
                    random.nextInt(8) == 0 ? null : random.nextLong(),
                    random.nextInt(8) == 0 ? null : randomDouble(random),
                    random.nextInt(8) == 0 ? null : random.nextBoolean(),
                    random.nextInt(8) == 0 ? null : Instant.ofEpochMilli(FIRST_MILLI + Math.floorMod(random.nextLong(), MILLIS)),
                    strings.stringOrNull(null),
                    random.nextInt(8) == 0 ? null : randomJson(strings)));
        }
        String text = Written.text(JsonLinesFormat.defaults(), SCHEMA, records);

        String[] lines = text.split("\r\n", -1);
        assertThat(lines).hasSize(ROWS + 1);
        assertThat(lines[ROWS]).isEmpty();
        List<Record> read = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            read.add(read(lines[i]));
        }
        assertThat(read).containsExactlyElementsOf(records);
    }

    private static double randomDouble(Random random) {
        switch (random.nextInt(4)) {
            case 0:
                return Double.longBitsToDouble(random.nextLong()); // any bit pattern, NaN included
            case 1:
                return random.nextInt(1_000_000) / 100.0;
            case 2:
                return random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
            default:
                return (double) random.nextLong();
        }
    }

    /** An object with a string, a number and an array, written compactly with jackson. */
    private static String randomJson(RandomRows strings) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(sw)) {
            g.writeStartObject();
            g.writeStringField("s", String.valueOf(strings.stringOrNull(null)));
            g.writeNumberField("n", strings.random().nextInt());
            g.writeArrayFieldStart("a");
            g.writeBoolean(true);
            g.writeNull();
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return sw.toString();
    }

    private static Record read(String line) throws IOException {
        Object[] values = new Object[SCHEMA.size()];
        try (JsonParser p = JSON.createParser(line)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            for (int i = 0; i < values.length; i++) {
                String key = p.nextFieldName();
                if (!SCHEMA.column(i).name().equals(key)) {
                    throw new AssertionError("expected key " + SCHEMA.column(i).name() + ", got " + key + " in " + line);
                }
                JsonToken t = p.nextToken();
                values[i] = t == JsonToken.VALUE_NULL ? null : value(p, SCHEMA.column(i).type());
            }
            assertThat(p.nextToken()).isEqualTo(JsonToken.END_OBJECT);
            assertThat(p.nextToken()).isNull();
        }
        return Record.of(SCHEMA, values);
    }

    private static Object value(JsonParser p, ColumnType type) throws IOException {
        switch (type) {
            case LONG:
                return p.getLongValue();
            case DOUBLE:
                return p.currentToken() == JsonToken.VALUE_STRING ? Double.valueOf(p.getText()) : p.getDoubleValue();
            case BOOLEAN:
                return p.getBooleanValue();
            case TIMESTAMP:
                return LocalDateTime.parse(p.getText(), TIMESTAMP).toInstant(ZoneOffset.UTC);
            case JSON:
                StringWriter sw = new StringWriter();
                try (JsonGenerator g = JSON.createGenerator(sw)) {
                    g.copyCurrentStructure(p);
                }
                return sw.toString();
            default:
                return p.getText();
        }
    }
}
