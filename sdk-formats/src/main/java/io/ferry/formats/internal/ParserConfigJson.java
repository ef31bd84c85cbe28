package io.ferry.formats.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.ferry.core.FerryConfigException;
import io.ferry.formats.read.ColumnConfig;
import io.ferry.formats.read.CsvOptions;
import io.ferry.formats.read.JsonOptions;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.text.internal.ValueConverter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The JSON form of a {@link ParserConfig}, with the snake_case keys of a Treasure Data
 * {@code load.yml} parser section. An empty quote or escape means none. Reading is done by
 * {@link ParserConfigReader}, which also takes Embulk's keys and defaults.
 */
public final class ParserConfigJson {
    private ParserConfigJson() {
    }

    /** Writes {@code config} as a pretty-printed JSON object. */
    public static String write(ParserConfig config) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = ValueConverter.JSON.createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            write(g, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** Writes {@code config} as a JSON object onto {@code g}. */
    public static void write(JsonGenerator g, ParserConfig config) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", config.type().configName());
        g.writeStringField("charset", config.charset().name());
        g.writeStringField("newline", config.newline().name());
        if (config.type().isDelimited()) {
            writeCsv(g, config.csv());
        } else {
            writeJson(g, config.json());
        }
        g.writeStringField("default_timezone", config.defaultTimeZone().getId());
        g.writeStringField("bad_rows", config.badRows().name().toLowerCase(Locale.ROOT));
        g.writeNumberField("bad_row_samples", config.badRowSamples());
        g.writeNumberField("max_record_size", config.maxRecordSize());
        g.writeArrayFieldStart("columns");
        for (ColumnConfig c : config.columns()) {
            g.writeStartObject();
            g.writeStringField("name", c.name());
            g.writeStringField("type", ColumnConfig.typeName(c.type()));
            if (c.format().isPresent()) {
                g.writeStringField("format", c.format().get());
            }
            if (c.timeZone().isPresent()) {
                g.writeStringField("timezone", c.timeZone().get().getId());
            }
            if (c.elementAt().isPresent()) {
                g.writeStringField("element_at", c.elementAt().get());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeCsv(JsonGenerator g, CsvOptions csv) throws IOException {
        g.writeStringField("delimiter", String.valueOf(csv.delimiter().orElseThrow()));
        g.writeStringField("quote", csv.quote().map(String::valueOf).orElse(""));
        g.writeStringField("escape", csv.escape().map(String::valueOf).orElse(""));
        g.writeNumberField("skip_header_lines", csv.skipHeaderLines());
        if (csv.nullString().isPresent()) {
            g.writeStringField("null_string", csv.nullString().get());
        }
        if (csv.commentLineMarker().isPresent()) {
            g.writeStringField("comment_line_marker", csv.commentLineMarker().get());
        }
        g.writeBooleanField("trim_if_not_quoted", csv.trimIfNotQuoted());
        g.writeBooleanField("allow_optional_columns", csv.allowOptionalColumns());
        g.writeBooleanField("allow_extra_columns", csv.allowExtraColumns());
        g.writeStringField("escape_mode", csv.escapeMode().configName());
        g.writeStringField("null_rule", csv.nullRule().configName());
        g.writeStringField("quotes_in_quoted_fields", csv.quotesInQuotedFields().name());
        g.writeFieldName("max_quoted_size_limit");
        if (csv.maxQuotedSize().isPresent()) {
            g.writeNumber(csv.maxQuotedSize().getAsInt());
        } else {
            g.writeNull();
        }
    }

    private static void writeJson(JsonGenerator g, JsonOptions json) throws IOException {
        if (json.root().isPresent()) {
            g.writeStringField("root", json.root().get());
        }
        g.writeBooleanField("flatten_json_array", json.flattenJsonArray());
        g.writeStringField("invalid_string_escapes", json.invalidStringEscapes().name());
    }

    /** Reads a config from JSON text. */
    public static ParserConfig read(String json) {
        try (JsonParser p = ValueConverter.JSON.createParser(json)) {
            p.nextToken();
            ParserConfig c = read(p);
            if (p.nextToken() != null) {
                throw new FerryConfigException("parser", "unexpected text after the parser config object");
            }
            return c;
        } catch (IOException e) {
            throw new FerryConfigException("parser", "the parser config is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Reads a config object whose START_OBJECT is the current token of {@code p}. */
    public static ParserConfig read(JsonParser p) throws IOException {
        return new ParserConfigReader().read(p);
    }
}
