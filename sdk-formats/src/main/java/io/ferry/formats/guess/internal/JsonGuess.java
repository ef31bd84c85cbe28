package io.ferry.formats.guess.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ferry.core.record.ColumnType;
import io.ferry.formats.guess.ColumnGuess;
import io.ferry.formats.guess.GuessChoice;
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

    /** The values seen for one field, and the first value of each JSON kind. */
    private static final class Field {
        final List<String> texts = new ArrayList<>();
        int values;
        String number;
        String decimal;
        String string;
        String bool;
        String structure;
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
        List<ColumnGuess> reports = new ArrayList<>();
        for (Map.Entry<String, Field> e : fields.entrySet()) {
            TypeGuess.Typed t = column(e.getKey(), e.getValue());
            columns.add(t.config());
            reports.add(t.report());
        }
        if (columns.isEmpty()) {
            return null;
        }
        GuessChoice layout = GuessChoice.builder().option("type").chosen(type.configName())
                .evidence(type == ParserType.JSONL ? "one JSON object on every line"
                        : trimmed.charAt(0) == '[' ? "the sample starts with [" : "objects span lines")
                .runnerUp(type == ParserType.JSONL ? "json" : "jsonl", type == ParserType.JSONL
                        ? "reads the same objects, but a bad line would stop the whole file"
                        : "not one object per line")
                .build();
        return new CsvGuess.Guessed(ParserConfig.builder().type(type).columns(columns), rows, List.of(layout),
                reports);
    }

    private static void record(JsonParser p, JsonToken v, Field f) throws IOException {
        if (v != JsonToken.VALUE_NULL) {
            f.values++;
        }
        switch (v) {
            case START_OBJECT:
            case START_ARRAY:
                f.structure = first(f.structure, v == JsonToken.START_OBJECT ? "{...}" : "[...]");
                p.skipChildren();
                break;
            case VALUE_NUMBER_INT:
                f.number = first(f.number, p.getText());
                f.texts.add(p.getText());
                break;
            case VALUE_NUMBER_FLOAT:
                f.decimal = first(f.decimal, p.getText());
                break;
            case VALUE_TRUE:
            case VALUE_FALSE:
                f.bool = first(f.bool, p.getText());
                break;
            case VALUE_STRING:
                f.string = first(f.string, p.getText());
                f.texts.add(p.getText());
                break;
            default:
                break;
        }
    }

    private static String first(String seen, String value) {
        return seen != null ? seen : value;
    }

    private static TypeGuess.Typed column(String name, Field f) {
        List<String[]> kinds = new ArrayList<>();
        if (f.decimal != null || f.number != null) {
            kinds.add(new String[] {f.decimal != null ? "double" : "long", f.decimal != null ? f.decimal : f.number});
        }
        if (f.string != null) {
            kinds.add(new String[] {"string", f.string});
        }
        if (f.bool != null) {
            kinds.add(new String[] {"boolean", f.bool});
        }
        if (f.structure != null) {
            kinds.add(new String[] {"json", f.structure});
        }
        if (kinds.isEmpty() || kinds.size() == 1 && (f.number != null && f.decimal == null || f.string != null)) {
            TypeGuess.Typed t = TypeGuess.explain(name, f.texts);
            return new TypeGuess.Typed(t.config(), t.report().toBuilder().values(f.values).build());
        }
        ColumnGuess.Builder report = ColumnGuess.builder().name(name).values(f.values);
        ColumnType type;
        if (kinds.size() > 1) {
            type = f.structure != null ? ColumnType.JSON : ColumnType.STRING;
            String kind = kinds.get(1)[0].equals("json") ? "object or array" : kinds.get(1)[0];
            report.reject(kinds.get(0)[0], kinds.get(1)[1], "a JSON " + kind + " where '" + kinds.get(0)[1]
                    + "' is a " + kinds.get(0)[0]);
        } else if (f.structure != null) {
            type = ColumnType.JSON;
        } else if (f.bool != null) {
            type = ColumnType.BOOLEAN;
        } else {
            type = ColumnType.DOUBLE;
            if (f.number != null) {
                report.reject("long", f.decimal, "not an integer");
            }
        }
        return new TypeGuess.Typed(ColumnConfig.of(name, type), report.chosen(ColumnConfig.typeName(type)).build());
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
