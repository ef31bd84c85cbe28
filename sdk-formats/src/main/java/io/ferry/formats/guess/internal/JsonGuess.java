package io.ferry.formats.guess.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ferry.core.record.ColumnType;
import io.ferry.formats.read.ColumnConfig;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.ParserType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Infers JSON Lines or JSON (an array of objects, or objects one after another): the columns are
 * the object fields in order of first appearance, typed from their values.
 */
public final class JsonGuess {
    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_ROWS = 1000;

    private JsonGuess() {
    }

    /** The values seen for one field. */
    private static final class Field {
        final List<String> texts = new ArrayList<>();
        boolean numbers;
        boolean floats;
        boolean strings;
        boolean booleans;
        boolean structures;
    }

    /** The config for JSON {@code text}, or null if it does not start like JSON objects. */
    public static CsvGuess.Guessed guess(String text, boolean truncated) {
        String trimmed = text.stripLeading();
        if (trimmed.isEmpty() || (trimmed.charAt(0) != '{' && trimmed.charAt(0) != '[')) {
            return null;
        }
        ParserType type = trimmed.charAt(0) == '[' || !oneObjectPerLine(text, truncated)
                ? ParserType.JSON : ParserType.JSONL;
        Map<String, Field> fields = new LinkedHashMap<>();
        int rows = 0;
        try (JsonParser p = JSON.createParser(text)) {
            JsonToken t;
            while (rows < MAX_ROWS && (t = p.nextToken()) != null) {
                if (t == JsonToken.START_ARRAY && p.getParsingContext().getParent().inRoot()
                        || t == JsonToken.END_ARRAY) {
                    continue;
                }
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                Map<String, Field> row = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    Field f = fields.computeIfAbsent(name, k -> new Field());
                    row.put(name, f);
                    record(p, v, f);
                }
                rows++;
            }
        } catch (IOException e) {
            // a sample cut in the middle of a value: keep the complete objects read so far
            if (!truncated && rows == 0) {
                return null;
            }
        }
        List<ColumnConfig> columns = new ArrayList<>();
        for (Map.Entry<String, Field> e : fields.entrySet()) {
            columns.add(column(e.getKey(), e.getValue()));
        }
        if (columns.isEmpty()) {
            return null;
        }
        return new CsvGuess.Guessed(ParserConfig.builder().type(type).columns(columns), rows);
    }

    private static void record(JsonParser p, JsonToken v, Field f) throws IOException {
        switch (v) {
            case START_OBJECT:
            case START_ARRAY:
                f.structures = true;
                p.skipChildren();
                break;
            case VALUE_NUMBER_INT:
                f.numbers = true;
                f.texts.add(p.getText());
                break;
            case VALUE_NUMBER_FLOAT:
                f.floats = true;
                break;
            case VALUE_TRUE:
            case VALUE_FALSE:
                f.booleans = true;
                break;
            case VALUE_STRING:
                f.strings = true;
                f.texts.add(p.getText());
                break;
            default:
                break;
        }
    }

    private static ColumnConfig column(String name, Field f) {
        int kinds = (f.numbers || f.floats ? 1 : 0) + (f.strings ? 1 : 0) + (f.booleans ? 1 : 0)
                + (f.structures ? 1 : 0);
        if (kinds > 1) {
            return ColumnConfig.of(name, f.structures ? ColumnType.JSON : ColumnType.STRING);
        }
        if (f.structures) {
            return ColumnConfig.of(name, ColumnType.JSON);
        }
        if (f.booleans) {
            return ColumnConfig.of(name, ColumnType.BOOLEAN);
        }
        if (f.floats) {
            return ColumnConfig.of(name, ColumnType.DOUBLE);
        }
        if (f.numbers) {
            ColumnConfig c = TypeGuess.guess(name, f.texts);
            return c.type() == ColumnType.TIMESTAMP ? c : ColumnConfig.of(name, ColumnType.LONG);
        }
        return TypeGuess.guess(name, f.texts);
    }

    private static boolean oneObjectPerLine(String text, boolean truncated) {
        String[] lines = text.split("\r\n|\n|\r");
        int last = truncated ? lines.length - 1 : lines.length;
        int objects = 0;
        for (int i = 0; i < last; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try (JsonParser p = JSON.createParser(line)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return false;
                }
                p.skipChildren();
                if (p.nextToken() != null) {
                    return false;
                }
                objects++;
            } catch (IOException e) {
                return false;
            }
        }
        return objects > 0;
    }
}
