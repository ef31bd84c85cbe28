package io.ferry.formats.guess.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ferry.core.FerryConfigException;
import io.ferry.formats.decode.Decoder;
import io.ferry.formats.guess.ColumnGuess;
import io.ferry.formats.guess.GuessChoice;
import io.ferry.formats.guess.GuessResult;
import io.ferry.formats.internal.ParserConfigJson;
import io.ferry.formats.text.internal.ValueConverter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The JSON form of a {@link GuessResult}: decoder, sample rows, the parser config (load.yml keys)
 * and the report of the guess, its choices and column types.
 */
public final class GuessResultJson {
    private GuessResultJson() {
    }

    /** {@code result} as pretty-printed JSON. */
    public static String write(GuessResult result) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = ValueConverter.JSON.createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("decoder", result.decoder().name().toLowerCase(Locale.ROOT));
            g.writeNumberField("sample_rows", result.sampleRows());
            g.writeFieldName("parser");
            ParserConfigJson.write(g, result.parser());
            g.writeArrayFieldStart("choices");
            for (GuessChoice c : result.choices()) {
                g.writeStartObject();
                g.writeStringField("option", c.option());
                g.writeStringField("chosen", c.chosen());
                g.writeStringField("evidence", c.evidence());
                if (c.runnerUp().isPresent()) {
                    g.writeStringField("runner_up", c.runnerUp().get());
                    g.writeStringField("runner_up_evidence", c.runnerUpEvidence().orElseThrow());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("columns");
            for (ColumnGuess c : result.columns()) {
                g.writeStartObject();
                g.writeStringField("name", c.name());
                g.writeStringField("chosen", c.chosen());
                g.writeNumberField("values", c.values());
                g.writeArrayFieldStart("rejected");
                for (ColumnGuess.Rejection r : c.rejected()) {
                    g.writeStartObject();
                    g.writeStringField("candidate", r.candidate());
                    g.writeStringField("value", r.value());
                    g.writeStringField("reason", r.reason());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * Reads what {@link #write} wrote; {@code choices} and {@code columns} may be left out.
     *
     * @throws FerryConfigException naming the key at fault
     */
    public static GuessResult read(String json) {
        GuessResult.Builder b = GuessResult.builder();
        try (JsonParser p = ValueConverter.JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new FerryConfigException("guess", "a guess result must be a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                switch (key) {
                    case "decoder" -> b.decoder(Decoder.parse(text(p, t, key)));
                    case "sample_rows" -> b.sampleRows(number(p, t, key));
                    case "parser" -> b.parser(ParserConfigJson.read(p));
                    case "choices" -> {
                        array(t, key);
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            b.choice(choice(p));
                        }
                        arrayEnd(p, key);
                    }
                    case "columns" -> {
                        array(t, key);
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            b.column(column(p));
                        }
                        arrayEnd(p, key);
                    }
                    default -> throw new FerryConfigException(key, "unknown key '" + key + "' in a guess result;"
                            + " the keys are decoder, sample_rows, parser, choices and columns");
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new FerryConfigException("guess", "a guess result must be one JSON object");
            }
        } catch (IOException e) {
            throw new FerryConfigException("guess", "the guess result is not valid JSON: " + e.getMessage(), e);
        }
        return b.build();
    }

    private static GuessChoice choice(JsonParser p) throws IOException {
        GuessChoice.Builder c = GuessChoice.builder();
        String runnerUp = null;
        String runnerUpEvidence = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            String v = text(p, t, "choices." + key);
            switch (key) {
                case "option" -> c.option(v);
                case "chosen" -> c.chosen(v);
                case "evidence" -> c.evidence(v);
                case "runner_up" -> runnerUp = v;
                case "runner_up_evidence" -> runnerUpEvidence = v;
                default -> throw new FerryConfigException("choices." + key, "unknown key '" + key + "' in a guess"
                        + " choice; the keys are option, chosen, evidence, runner_up and runner_up_evidence");
            }
        }
        return c.runnerUp(runnerUp, runnerUpEvidence).build();
    }

    private static ColumnGuess column(JsonParser p) throws IOException {
        ColumnGuess.Builder c = ColumnGuess.builder();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            switch (key) {
                case "name" -> c.name(text(p, t, "columns.name"));
                case "chosen" -> c.chosen(text(p, t, "columns.chosen"));
                case "values" -> c.values(number(p, t, "columns.values"));
                case "rejected" -> {
                    array(t, "columns.rejected");
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        String[] r = new String[3];
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String k = p.currentName();
                            JsonToken vt = p.nextToken();
                            int i = switch (k) {
                                case "candidate" -> 0;
                                case "value" -> 1;
                                case "reason" -> 2;
                                default -> throw new FerryConfigException("columns.rejected." + k, "unknown key '" + k
                                        + "' in a rejected type; the keys are candidate, value and reason");
                            };
                            r[i] = text(p, vt, "columns.rejected." + k);
                        }
                        c.reject(r[0], r[1], r[2]);
                    }
                    arrayEnd(p, "columns.rejected");
                }
                default -> throw new FerryConfigException("columns." + key, "unknown key '" + key + "' in a column"
                        + " guess; the keys are name, chosen, values and rejected");
            }
        }
        return c.build();
    }

    private static void array(JsonToken t, String key) {
        if (t != JsonToken.START_ARRAY) {
            throw new FerryConfigException(key, "expected a JSON array");
        }
    }

    private static void arrayEnd(JsonParser p, String key) {
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw new FerryConfigException(key, "expected JSON objects in the array");
        }
    }

    private static String text(JsonParser p, JsonToken t, String key) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw new FerryConfigException(key, "expected a string, was " + (t == null ? "the end" : p.getText()));
        }
        return p.getText();
    }

    private static int number(JsonParser p, JsonToken t, String key) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw new FerryConfigException(key, "expected a whole number, was " + (t == null ? "the end" : p.getText()));
        }
        return p.getIntValue();
    }
}
