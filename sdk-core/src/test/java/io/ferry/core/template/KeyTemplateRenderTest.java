package io.ferry.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyTemplateRenderTest {
    private static final Schema SCHEMA = Schema.of(
            Column.of("customer_id", ColumnType.STRING),
            Column.of("ts", ColumnType.TIMESTAMP),
            Column.of("epoch", ColumnType.LONG),
            Column.of("amount", ColumnType.DOUBLE));
    private static final Instant TS = Instant.parse("2023-07-07T09:07:05Z");
    private static final Record RECORD = Record.of(SCHEMA, "ACME", TS, TS.getEpochSecond(), 23.45);
    private static final KeyContext CONTEXT = KeyContext.builder()
            .table("www_access").syncId("sync-1").uuid("u-1").writer("w-7")
            .startedAt(Instant.parse("2026-03-04T05:06:07Z")).build();

    @ParameterizedTest(name = "{0} [{1}{2}] row {3} -> {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # template                                                            | ext     | suffix | row | key
            path/to/file.csv                                                      | csv     | ""     | 0   | path/to/file.csv
            /path/to/file.csv                                                     | csv     | ""     | 0   | path/to/file.csv
            daily_prices                                                          | csv     | .gz    | 0   | daily_prices.csv.gz
            daily_prices                                                          | parquet | ""     | 0   | daily_prices.parquet
            daily_prices.csv.gz                                                   | csv     | .gz    | 0   | daily_prices.csv.gz
            file.csv                                                              | csv     | .gz    | 0   | file.csv
            report_v1.0                                                           | csv     | ""     | 0   | report_v1.0.csv
            archive.2024                                                          | csv     | ""     | 0   | archive.2024.csv
            data.{{FORMAT}}                                                       | csv     | .gz    | 0   | data.csv.gz
            data.{{FORMAT}}                                                       | parquet | ""     | 0   | data.parquet
            exports/{{TABLE}}/dt={{YEAR}}-{{MONTH}}-{{DAY}}/{{UUID}}.{{FORMAT}}   | csv     | .gz    | 0   | exports/www_access/dt=2026-03-04/u-1.csv.gz
            {{TABLE_HYPHEN}}/{{SYNC_ID}}/{{HOUR}}{{MINUTE}}                       | csv     | ""     | 0   | www-access/sync-1/0506.csv
            x/{{UUID}}                                                            | jsonl   | gz     | 0   | x/u-1.jsonl.gz
            out/part-{{WRITER}}-{{UUID}}                                          | csv     | .gz    | 0   | out/part-w-7-u-1.csv.gz
            invoice_summary_{customer_id}.csv                                     | csv     | ""     | 0   | invoice_summary_ACME.csv
            invoice_summary_{customer_id}                                         | csv     | ""     | 0   | invoice_summary_ACME.csv
            invoices_{ts, '%Y%m%d-%H'}                                            | csv     | ""     | 0   | invoices_20230707-09.csv
            invoices_{ts,'%Y%m%d-%H'}                                             | csv     | ""     | 0   | invoices_20230707-09.csv
            invoices_{ epoch , "%Y%m%d-%H%i" }                                    | csv     | ""     | 0   | invoices_20230707-0907.csv
            invoices/dt={ts, '%Y-%m-%d'}/H{ts, '%H'}.csv                          | csv     | ""     | 0   | invoices/dt=2023-07-07/H09.csv
            invoice_summary.{8}.csv                                               | csv     | ""     | 5   | invoice_summary.5.csv
            invoice_summary.{8}.csv                                               | csv     | ""     | 13  | invoice_summary.5.csv
            invoice_summary.{8}                                                   | csv     | ""     | 8   | invoice_summary.0.csv
            invoices/{customer_id}/dump_{4}.csv                                   | csv     | ""     | 5   | invoices/ACME/dump_1.csv
            invoices/{customer_id}/dump_{1}.csv                                   | csv     | ""     | 5   | invoices/ACME/dump_0.csv
            y={ts, '%Y/%m'}                                                       | csv     | ""     | 0   | y=2023%2F07.csv
            {{TABLE}}/{amount}                                                    | csv     | ""     | 0   | www_access/23.45.csv
            {{TABLE}}/{ts}                                                        | csv     | ""     | 0   | www_access/2023-07-07T09:07:05Z.csv
            """)
    void render_templateWithRecordAndContext_givesKey(String template, String extension, String suffix,
                                                      long row, String expected) {
        BoundKeyTemplate keys = KeyTemplate.parse(template).bind(SCHEMA, extension, suffix);

        assertThat(keys.render(keys.partitionOf(RECORD, row), CONTEXT)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # template                  | zone             | key
            h={ts, '%Y%m%d-%H'}         | UTC              | h=20230707-09.csv
            h={ts, '%Y%m%d-%H'}         | Asia/Tokyo       | h=20230707-18.csv
            h={epoch, '%Y%m%d-%H%i'}    | America/New_York | h=20230707-0507.csv
            h={ts, '%d %H'}             | Asia/Kolkata     | h=07 14.csv
            """)
    void render_partitionZone_appliesToTimeCodesOnly(String template, String zone, String expected) {
        BoundKeyTemplate keys = KeyTemplate.parse(template, ZoneId.of(zone)).bind(SCHEMA, "csv", "");

        assertThat(keys.render(keys.partitionOf(RECORD, 0), CONTEXT)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # template                             | partitioned | uuid  | writer | constant | columns
            path/to/file.csv                       | false       | false | false  | true     | ""
            exports/{{TABLE}}/{{UUID}}             | false       | true  | false  | false    | ""
            exports/part-{{WRITER}}.csv            | false       | false | true   | false    | ""
            invoices/{customer_id}/dump_{4}.csv    | true        | false | false  | false    | customer_id
            {ts, '%Y'}/{ts, '%m'}/{customer_id}    | true        | false | false  | false    | ts customer_id
            part_{3}                               | true        | false | false  | false    | ""
            """)
    void parse_reportsPlaceholderKinds(String template, boolean partitioned, boolean uuid, boolean writer,
                                       boolean constant, String columns) {
        KeyTemplate t = KeyTemplate.parse(template);

        assertThat(t.isPartitioned()).isEqualTo(partitioned);
        assertThat(t.hasUuid()).isEqualTo(uuid);
        assertThat(t.hasWriter()).isEqualTo(writer);
        assertThat(t.isConstant()).isEqualTo(constant);
        assertThat(String.join(" ", t.partitionColumns())).isEqualTo(columns);
        assertThat(t.template()).isEqualTo(template);
    }
}
