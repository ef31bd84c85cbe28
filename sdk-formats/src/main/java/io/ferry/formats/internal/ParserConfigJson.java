package io.ferry.formats.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ferry.core.FerryConfigException;
import io.ferry.formats.Newline;
import io.ferry.formats.read.BadRowPolicy;
import io.ferry.formats.read.ColumnConfig;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.ParserType;
import io.ferry.formats.text.internal.ValueConverter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The JSON form of a {@link ParserConfig}, with the snake_case keys of a Treasure Data
 * {@code load.yml} parser section. An empty quote or escape means none.
 */
public final class ParserConfigJson {
    private static final List<String> KEYS = List.of("type", "charset", "newline", "delimiter", "quote", "escape",
            "skip_header_lines", "null_string", "comment_line_marker", "trim_if_not_quoted",
            "allow_optional_columns", "allow_extra_columns", "default_timezone", "bad_rows", "bad_row_samples",
            "max_record_size", "columns");

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
            g.writeStringField("delimiter", String.valueOf(config.delimiter()));
            g.writeStringField("quote", config.quote().map(String::valueOf).orElse(""));
            g.writeStringField("escape", config.escape().map(String::valueOf).orElse(""));
            g.writeNumberField("skip_header_lines", config.skipHeaderLines());
            if (config.nullString().isPresent()) {
                g.writeStringField("null_string", config.nullString().get());
            }
            if (config.commentLineMarker().isPresent()) {
                g.writeStringField("comment_line_marker", config.commentLineMarker().get());
            }
            g.writeBooleanField("trim_if_not_quoted", config.trimIfNotQuoted());
            g.writeBooleanField("allow_optional_columns", config.allowOptionalColumns());
            g.writeBooleanField("allow_extra_columns", config.allowExtraColumns());
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
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
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
        expect(p, JsonToken.START_OBJECT, "parser");
        ParserConfig.Builder b = ParserConfig.builder();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            switch (key) {
                case "type": b.type(ParserType.parse(text(p, key))); break;
                case "charset": b.charset(charset(text(p, key))); break;
                case "newline": b.newline(newline(text(p, key))); break;
                case "delimiter": b.delimiter(oneChar(text(p, key), key)); break;
                case "quote": {
                    String q = text(p, key);
                    if (q.isEmpty()) {
                        b.noQuote();
                    } else {
                        b.quote(oneChar(q, key));
                    }
                    break;
                }
                case "escape": {
                    String e = text(p, key);
                    if (e.isEmpty()) {
                        b.noEscape();
                    } else {
                        b.escape(oneChar(e, key));
                    }
                    break;
                }
                case "skip_header_lines": b.skipHeaderLines(number(p, t, key)); break;
                case "null_string": b.nullString(t == JsonToken.VALUE_NULL ? null : text(p, key)); break;
                case "comment_line_marker": b.commentLineMarker(t == JsonToken.VALUE_NULL ? null : text(p, key)); break;
                case "trim_if_not_quoted": b.trimIfNotQuoted(bool(t, key)); break;
                case "allow_optional_columns": b.allowOptionalColumns(bool(t, key)); break;
                case "allow_extra_columns": b.allowExtraColumns(bool(t, key)); break;
                case "default_timezone": b.defaultTimeZone(zone(text(p, key), key)); break;
                case "bad_rows": b.badRows(policy(text(p, key))); break;
                case "bad_row_samples": b.badRowSamples(number(p, t, key)); break;
                case "max_record_size": b.maxRecordSize(number(p, t, key)); break;
                case "columns":
                    expect(p, JsonToken.START_ARRAY, key);
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        b.column(column(p));
                    }
                    break;
                default:
                    throw new FerryConfigException(key, "unknown key '" + key + "' in the parser config; the keys are "
                            + KEYS);
            }
        }
        return b.build();
    }

    private static ColumnConfig column(JsonParser p) throws IOException {
        ColumnConfig.Builder b = ColumnConfig.builder();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "name": b.name(text(p, "columns.name")); break;
                case "type": b.type(ColumnConfig.parseType(text(p, "columns.type"))); break;
                case "format": b.format(text(p, "columns.format")); break;
                case "timezone": b.timeZone(zone(text(p, "columns.timezone"), "columns.timezone")); break;
                default:
                    throw new FerryConfigException("columns." + key, "unknown key '" + key
                            + "' in a column; the keys are name, type, format and timezone");
            }
        }
        return b.build();
    }

    private static void expect(JsonParser p, JsonToken expected, String key) {
        if (p.currentToken() != expected) {
            throw new FerryConfigException(key, "expected " + expected.asString() + " but found " + p.currentToken());
        }
    }

    private static String text(JsonParser p, String key) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new FerryConfigException(key, "expected a string but found " + p.getText());
        }
        return p.getText();
    }

    private static int number(JsonParser p, JsonToken t, String key) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw new FerryConfigException(key, "expected a whole number but found " + p.getText());
        }
        return p.getIntValue();
    }

    private static boolean bool(JsonToken t, String key) {
        if (!t.isBoolean()) {
            throw new FerryConfigException(key, "expected true or false");
        }
        return t == JsonToken.VALUE_TRUE;
    }

    private static char oneChar(String s, String key) {
        if (s.length() != 1) {
            throw new FerryConfigException(key, "expected one character but found '" + s + "'");
        }
        return s.charAt(0);
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new FerryConfigException("charset", "unknown charset '" + name + "'; use e.g. UTF-8, UTF-16,"
                    + " windows-1252 or Shift_JIS");
        }
    }

    private static Newline newline(String name) {
        for (Newline n : Newline.values()) {
            if (n.name().equalsIgnoreCase(name)) {
                return n;
            }
        }
        throw new FerryConfigException("newline", "unknown newline '" + name + "'; use CRLF, LF or CR");
    }

    private static ZoneId zone(String id, String key) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new FerryConfigException(key, "unknown time zone '" + id + "'; use e.g. UTC or Asia/Tokyo");
        }
    }

    private static BadRowPolicy policy(String name) {
        for (BadRowPolicy b : BadRowPolicy.values()) {
            if (b.name().equalsIgnoreCase(name)) {
                return b;
            }
        }
        throw new FerryConfigException("bad_rows", "unknown policy '" + name + "'; use fail or skip");
    }
}
