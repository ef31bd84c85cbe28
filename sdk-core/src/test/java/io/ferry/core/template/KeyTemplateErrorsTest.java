package io.ferry.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyTemplateErrorsTest {
    private static final Schema SCHEMA = Schema.of(
            Column.of("customer_id", ColumnType.STRING),
            Column.of("ts", ColumnType.TIMESTAMP),
            Column.of("epoch", ColumnType.LONG),
            Column.of("amount", ColumnType.DOUBLE));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # template               | message
            x/{{TABLES}}             | key template 'x/{{TABLES}}': unknown placeholder {{TABLES}}; use one of {{TABLE}}, {{TABLE_HYPHEN}}, {{SYNC_ID}}, {{FORMAT}}, {{UUID}}, {{WRITER}}, {{YEAR}}, {{MONTH}}, {{DAY}}, {{HOUR}}, {{MINUTE}}, or {column}, {column, '%Y%m%d'}, {N} for partitions (path)
            x/{{table}}.csv          | key template 'x/{{table}}.csv': unknown placeholder {{table}}; use one of
            x/{customer_id           | key template 'x/{customer_id': '{' at position 3 has no closing '}' (path)
            x/customer_id}           | key template 'x/customer_id}': '}' at position 14 has no opening '{' (path)
            x/{{TABLE}               | key template 'x/{{TABLE}': '{{' at position 3 has no closing '}}' (path)
            x/{a{b}}                 | key template 'x/{a{b}}': '{' at position 3 has no closing '}' before the next '{' (path)
            x/{ts, '%M'}             | unsupported time code '%M' in placeholder {ts, '%M'}; supported codes are %Y (year), %m (month), %d (day), %H (hour), %i (minute) (path)
            x/{ts, '%Y%'}            | time format '%Y%' in placeholder {ts, '%Y%'} ends with a lone '%'; supported codes are
            x/{ts, %Y}               | key template 'x/{ts, %Y}': the time format in placeholder {ts, %Y} must be quoted, as in {ts, '%Y%m%d'} (path)
            x/{ts, 'day'}            | the time format in placeholder {ts, 'day'} has no time code; use %Y (year)
            H{timestamp, '%H}.csv    | key template 'H{timestamp, '%H}.csv': placeholder {timestamp, '%H}.csv has an unterminated ' quote (path)
            x/{17}                   | key template 'x/{17}': file count in placeholder {17} must be between 1 and 16, was 17 (path)
            x/{0}                    | file count in placeholder {0} must be between 1 and 16, was 0 (path)
            x/{99999999999}          | file count in placeholder {99999999999} must be between 1 and 16, was 99999999999 (path)
            x/{}                     | key template 'x/{}': empty placeholder {}; write {column}, {column, '%Y%m%d'} or a file count {N} (path)
            x/{ , '%Y'}              | placeholder { , '%Y'} needs a column name first, as in {column} or {column, '%Y%m%d'} (path)
            {2}/{4}                  | key template '{2}/{4}': only one file count placeholder {N} is allowed, found 2 (path)
            a/../b.csv               | key template 'a/../b.csv': the key must not contain a '..' folder
            ./b.csv                  | key template './b.csv': the key must not contain a '.' folder
            exports/                 | key template 'exports/': the key ends with '/', which names a folder; add a file name such as 'exports/{{TABLE}}' (path)
            /                        | the key template is empty; give an object key such as 'exports/{{TABLE}}.csv' or 'path/to/file.csv' (path)
            """)
    void parse_malformedTemplate_throwsNamingThePlaceholder(String template, String message) {
        assertThatThrownBy(() -> KeyTemplate.parse(template))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageContaining(message)
                .hasMessageEndingWith("(path)")
                .extracting(e -> ((FerryConfigException) e).option()).isEqualTo("path");
        assertThatThrownBy(() -> KeyTemplate.parse(template, "prefix"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageContaining(message.replace("(path)", "(prefix)"))
                .hasMessageEndingWith("(prefix)")
                .extracting(e -> ((FerryConfigException) e).option()).isEqualTo("prefix");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # template                | message
            x/{missing}               | key template 'x/{missing}': placeholder {missing} names column 'missing', which is not in the schema; the columns are [customer_id, ts, epoch, amount] (path)
            x/{Customer_Id}           | placeholder {Customer_Id} names column 'Customer_Id', which is not in the schema
            x/{customer_id, '%Y'}     | key template 'x/{customer_id, '%Y'}': placeholder {customer_id, '%Y'} formats column 'customer_id' as a time, but it is STRING; time formats need a TIMESTAMP or LONG (epoch seconds) column, or write {customer_id} without a format (path)
            x/{amount, '%H'}          | formats column 'amount' as a time, but it is DOUBLE
            """)
    void bind_templateNotMatchingSchema_throwsNamingThePlaceholder(String template, String message) {
        KeyTemplate parsed = KeyTemplate.parse(template);

        assertThatThrownBy(() -> parsed.bind(SCHEMA, "csv", ""))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((FerryConfigException) e).option()).isEqualTo("path");
        KeyTemplate named = KeyTemplate.parse(template, ZoneOffset.UTC, "keyTemplate");
        assertThatThrownBy(() -> named.bind(SCHEMA, "csv", ""))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageContaining(message.replace("(path)", "(keyTemplate)"))
                .extracting(e -> ((FerryConfigException) e).option()).isEqualTo("keyTemplate");
    }

    @Test
    void parse_optionName_isNotPartOfEquality() {
        KeyTemplate named = KeyTemplate.parse("x/{customer_id}.csv", "prefix");
        assertThat(named).isEqualTo(KeyTemplate.parse("x/{customer_id}.csv")).hasSameHashCodeAs(
                KeyTemplate.parse("x/{customer_id}.csv", ZoneOffset.UTC, "path"));
        assertThat(named.partitionZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void parse_blankOptionName_throws() {
        assertThatThrownBy(() -> KeyTemplate.parse("x.csv", " "))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("the option name is blank; give the name errors should point at, such as 'path' (option)");
    }

    @ParameterizedTest(name = "{0} needs {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {{TABLE}}          | table
            {{TABLE_HYPHEN}}   | table
            {{SYNC_ID}}        | syncId
            {{UUID}}           | uuid
            {{WRITER}}         | writer
            {{YEAR}}           | startedAt
            {{MINUTE}}         | startedAt
            """)
    void render_missingContextValue_throwsNamingIt(String template, String option) {
        BoundKeyTemplate keys = KeyTemplate.parse(template).bind(SCHEMA, "csv", "");

        assertThatThrownBy(() -> keys.render(PartitionKey.NONE, KeyContext.builder().build()))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("key template '" + template + "' uses " + template + " but the key context has no "
                        + option + " (" + option + ")");
    }

    @Test
    void render_partitionOfAnotherTemplate_throws() {
        BoundKeyTemplate keys = KeyTemplate.parse("{customer_id}/{2}").bind(SCHEMA, "csv", "");

        assertThatThrownBy(() -> keys.render(PartitionKey.NONE, KeyContext.builder().build()))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("partition PartitionKey.NONE does not belong to key template '{customer_id}/{2}', "
                        + "which has 2 partition placeholders (partition)");
    }

    @Test
    void partitionOf_negativeRowIndex_throws() {
        BoundKeyTemplate keys = KeyTemplate.parse("{4}").bind(SCHEMA, "csv", "");

        assertThatThrownBy(() -> keys.partitionOf(Record.of(SCHEMA, "a", null, null, null), -1))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("rowIndex must be 0 or more, was -1 (rowIndex)");
    }

    @Test
    void partitionOf_recordOfAnotherSchema_throws() {
        BoundKeyTemplate keys = KeyTemplate.parse("{customer_id}").bind(SCHEMA, "csv", "");
        Schema other = Schema.of(Column.of("customer_id", ColumnType.STRING));

        assertThatThrownBy(() -> keys.partitionOf(Record.of(other, "a"), 0))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageStartingWith("the record's schema [customer_id:string] is not the schema");
    }

    @Test
    void partitionOf_epochSecondsOutOfRange_throwsDataExceptionWithRowAndColumn() {
        BoundKeyTemplate keys = KeyTemplate.parse("{epoch, '%Y'}").bind(SCHEMA, "csv", "");

        assertThatThrownBy(() -> keys.partitionOf(Record.of(SCHEMA, "a", null, Long.MAX_VALUE, null), 4))
                .isInstanceOf(FerryDataException.class)
                .hasMessage("record, line 5, column 'epoch': epoch seconds " + Long.MAX_VALUE
                        + " are outside the range of dates for placeholder {epoch, '%Y'}");
    }

    @Test
    void partitionOf_nullTimeValue_givesNullToken() {
        BoundKeyTemplate keys = KeyTemplate.parse("d={ts, '%Y%m%d'}/e={epoch, '%Y'}").bind(SCHEMA, "csv", "");
        PartitionKey p = keys.partitionOf(Record.of(SCHEMA, "a", null, null, null), 0);

        assertThat(keys.render(p, KeyContext.builder().build())).isEqualTo("d=__null__/e=__null__.csv");
    }

    @Test
    void partitionKey_equalValues_areEqualAndPrintable() {
        BoundKeyTemplate keys = KeyTemplate.parse("{customer_id}/{ts, '%Y'}").bind(SCHEMA, "csv", "");
        Instant t = Instant.parse("2024-01-02T03:04:05Z");
        PartitionKey a = keys.partitionOf(Record.of(SCHEMA, "ACME", t, 1L, 1.0), 0);
        PartitionKey b = keys.partitionOf(Record.of(SCHEMA, "ACME", t.plusSeconds(60), 2L, 2.0), 7);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(PartitionKey.NONE);
        assertThat(a.values()).containsExactly("ACME", "2024");
        assertThat(a).hasToString("PartitionKey[ACME, 2024]");
        assertThat(PartitionKey.NONE.isNone()).isTrue();
        assertThat(keys.partitionOf(Record.of(SCHEMA, "ACME", null, 1L, 1.0), 0)).isNotEqualTo(a);
    }

    @Test
    void partitionOf_unpartitionedTemplate_givesNone() {
        BoundKeyTemplate keys = KeyTemplate.parse("a/b.csv").bind(SCHEMA, "csv", "");

        assertThat(keys.partitionOf(Record.of(SCHEMA, "ACME", null, null, null), 3)).isSameAs(PartitionKey.NONE);
    }
}
