package io.ferry.formats.internal;

import static io.ferry.formats.internal.JsonConfigValues.bool;
import static io.ferry.formats.internal.JsonConfigValues.charset;
import static io.ferry.formats.internal.JsonConfigValues.expect;
import static io.ferry.formats.internal.JsonConfigValues.newline;
import static io.ferry.formats.internal.JsonConfigValues.number;
import static io.ferry.formats.internal.JsonConfigValues.oneChar;
import static io.ferry.formats.internal.JsonConfigValues.text;
import static io.ferry.formats.internal.JsonConfigValues.textOrNull;
import static io.ferry.formats.internal.JsonConfigValues.zone;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ferry.core.FerryConfigException;
import io.ferry.core.record.ColumnType;
import io.ferry.formats.read.BadRowPolicy;
import io.ferry.formats.read.ColumnConfig;
import io.ferry.formats.read.CsvOptions;
import io.ferry.formats.read.EscapeMode;
import io.ferry.formats.read.InvalidStringEscapes;
import io.ferry.formats.read.NullRule;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.ParserType;
import io.ferry.formats.read.QuotesInQuotedFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one parser config object, with Ferry's keys and Embulk's. A {@code csv} or {@code json}
 * section without any of Ferry's own keys is a {@code load.yml} parser section: the options it
 * leaves out take Embulk's defaults instead of Ferry's. Single use.
 */
final class ParserConfigReader {
    /** The keys only Ferry writes: their presence means the config is Ferry's, not a load.yml section. */
    static final Set<String> FERRY_KEYS = Set.of("bad_rows", "bad_row_samples", "max_record_size", "escape_mode",
            "null_rule");
    static final List<String> KEYS = List.of("type", "charset", "newline", "delimiter", "quote", "escape",
            "escape_mode", "quotes_in_quoted_fields", "max_quoted_size_limit", "skip_header_lines", "header_line",
            "null_string", "null_rule", "comment_line_marker", "trim_if_not_quoted", "allow_optional_columns",
            "allow_extra_columns", "root", "flatten_json_array", "invalid_string_escapes", "default_timezone",
            "default_timestamp_format", "default_date", "stop_on_invalid_record", "bad_rows", "bad_row_samples",
            "max_record_size", "columns");
    /** Embulk's default for {@code max_quoted_size_limit}. */
    static final int EMBULK_MAX_QUOTED_SIZE = 131072;

    private final ParserConfig.Builder b = ParserConfig.builder();
    private final CsvOptions.Builder csv = CsvOptions.builder();
    private final Set<String> seen = new HashSet<>();
    private final List<ColumnConfig> columns = new ArrayList<>();
    private ParserType type = ParserType.CSV;
    private Boolean headerLine;
    private Boolean stopOnInvalidRecord;
    private String defaultTimestampFormat;

    ParserConfig read(JsonParser p) throws IOException {
        expect(p, JsonToken.START_OBJECT, "parser");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            if (!seen.add(key)) {
                throw new FerryConfigException(key, "the key '" + key + "' appears twice; keep one");
            }
            option(p, key);
        }
        return finish();
    }

    private void option(JsonParser p, String key) throws IOException {
        switch (key) {
            case "type" -> {
                type = ParserType.parse(text(p, key));
                b.type(type);
            }
            case "charset" -> b.charset(charset(text(p, key)));
            case "newline" -> b.newline(newline(text(p, key)));
            case "delimiter" -> csv.delimiter(oneChar(text(p, key), key));
            case "quote" -> {
                String q = textOrNull(p, key);
                if (q == null || q.isEmpty()) {
                    csv.noQuote();
                } else {
                    csv.quote(oneChar(q, key));
                }
            }
            case "escape" -> {
                String e = textOrNull(p, key);
                if (e == null || e.isEmpty()) {
                    csv.noEscape();
                } else {
                    csv.escape(oneChar(e, key));
                }
            }
            case "escape_mode" -> csv.escapeMode(EscapeMode.parse(text(p, key)));
            case "quotes_in_quoted_fields" -> csv.quotesInQuotedFields(QuotesInQuotedFields.parse(text(p, key)));
            case "max_quoted_size_limit" -> {
                if (p.currentToken() == JsonToken.VALUE_NULL) {
                    csv.noMaxQuotedSize();
                } else {
                    csv.maxQuotedSize(number(p, key));
                }
            }
            case "skip_header_lines" -> csv.skipHeaderLines(number(p, key));
            case "header_line" -> headerLine = bool(p, key);
            case "null_string" -> csv.nullString(textOrNull(p, key));
            case "null_rule" -> csv.nullRule(NullRule.parse(text(p, key)));
            case "comment_line_marker" -> csv.commentLineMarker(textOrNull(p, key));
            case "trim_if_not_quoted" -> csv.trimIfNotQuoted(bool(p, key));
            case "allow_optional_columns" -> csv.allowOptionalColumns(bool(p, key));
            case "allow_extra_columns" -> csv.allowExtraColumns(bool(p, key));
            case "root" -> {
                String root = textOrNull(p, key);
                b.json(j -> j.root(root));
            }
            case "flatten_json_array" -> {
                boolean flatten = bool(p, key);
                b.json(j -> j.flattenJsonArray(flatten));
            }
            case "invalid_string_escapes" -> {
                InvalidStringEscapes policy = InvalidStringEscapes.parse(text(p, key));
                b.json(j -> j.invalidStringEscapes(policy));
            }
            case "default_timezone" -> b.defaultTimeZone(zone(text(p, key), key));
            case "default_timestamp_format" -> defaultTimestampFormat = text(p, key);
            case "default_date" -> {
                String date = text(p, key);
                if (!date.equals("1970-01-01")) {
                    throw new FerryConfigException(key, "default_date '" + date + "' is not supported: Ferry fills"
                            + " a date missing from a timestamp with 1970-01-01 only; put the date into the data or"
                            + " remove the key");
                }
            }
            case "stop_on_invalid_record" -> stopOnInvalidRecord = bool(p, key);
            case "bad_rows" -> b.badRows(policy(text(p, key)));
            case "bad_row_samples" -> b.badRowSamples(number(p, key));
            case "max_record_size" -> b.maxRecordSize(number(p, key));
            case "columns" -> {
                expect(p, JsonToken.START_ARRAY, key);
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    columns.add(ColumnConfigReader.read(p));
                }
                expect(p, JsonToken.END_ARRAY, key);
            }
            default -> throw new FerryConfigException(key, "unknown key '" + key + "' in the parser config; the keys"
                    + " are " + KEYS);
        }
    }

    /** Whether this is a load.yml parser section: Embulk's types and none of Ferry's own keys. */
    private boolean embulkSection() {
        return seen.contains("type") && (type == ParserType.CSV || type == ParserType.JSON)
                && seen.stream().noneMatch(FERRY_KEYS::contains);
    }

    private ParserConfig finish() {
        boolean embulk = embulkSection();
        if (headerLine != null) {
            if (seen.contains("skip_header_lines")) {
                throw new FerryConfigException("header_line", "header_line and skip_header_lines are both set;"
                        + " keep skip_header_lines (header_line: true is skip_header_lines: 1)");
            }
            csv.skipHeaderLines(headerLine ? 1 : 0);
        }
        if (stopOnInvalidRecord != null) {
            if (seen.contains("bad_rows")) {
                throw new FerryConfigException("stop_on_invalid_record", "stop_on_invalid_record and bad_rows are"
                        + " both set; keep one (stop_on_invalid_record: true is bad_rows: fail)");
            }
            b.badRows(stopOnInvalidRecord ? BadRowPolicy.FAIL : BadRowPolicy.SKIP);
        } else if (embulk) {
            b.badRows(BadRowPolicy.SKIP);
        }
        if (embulk) {
            if (!seen.contains("escape")) {
                csv.escape('\\');
            }
            csv.escapeMode(EscapeMode.QUOTE_AND_ESCAPE_IN_QUOTES).nullRule(NullRule.NULL_STRING_ONLY);
            if (!seen.contains("max_quoted_size_limit")) {
                csv.maxQuotedSize(EMBULK_MAX_QUOTED_SIZE);
            }
        }
        b.csv(csv.build());
        if (defaultTimestampFormat != null) {
            columns.replaceAll(c -> c.type() == ColumnType.TIMESTAMP && c.format().isEmpty()
                    ? c.toBuilder().format(defaultTimestampFormat).build() : c);
        }
        return b.columns(columns).build();
    }

    private static BadRowPolicy policy(String name) {
        for (BadRowPolicy p : BadRowPolicy.values()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new FerryConfigException("bad_rows", "unknown policy '" + name + "'; use fail or skip");
    }
}
