package io.ferry.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.formats.parquet.ParquetFormat;
import io.ferry.s3.export.S3Export;
import io.ferry.s3.export.WriteStrategy;
import io.ferry.td.TdWriteMode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The options of the three Spark sources: parsed like TD's JSON, errors naming the option. */
class SparkOptionsTest {
    private static Map<String, String> export() {
        Map<String, String> m = new HashMap<>();
        m.put("bucket", "my-bucket");
        m.put("path", "out/{{WRITER}}.{{FORMAT}}");
        m.put("access_key_id", "AKIDEXAMPLE");
        m.put("secret_access_key", "very-secret-key");
        return m;
    }

    private static Map<String, String> with(Map<String, String> m, String key, String value) {
        m.put(key, value);
        return m;
    }

    @Test
    void export_tdKeysAndFerryKeys_buildTheExport() {
        Map<String, String> m = export();
        m.put("Format", "tsv");
        m.put("COMPRESSION", "gz");
        m.put("part_size", "20");
        m.put("write_strategy", "replace");

        S3Export e = ExportOptions.parse(m, false).builder().build();

        assertThat(((CsvFormat) e.format()).delimiter()).isEqualTo('\t');
        assertThat(e.compression().name()).isEqualTo("GZIP");
        assertThat(e.partSizeMb()).isEqualTo(20);
        assertThat(e.writeStrategy()).isEqualTo(WriteStrategy.REPLACE);
        assertThat(ExportOptions.parse(export(), true).builder().build().writeStrategy())
                .isEqualTo(WriteStrategy.REPLACE);
        assertThat(ExportOptions.parse(export(), false).builder().build().writeStrategy())
                .isEqualTo(WriteStrategy.CREATE_NEW);
        assertThat(ExportOptions.parse(with(export(), "format", "parquet"), false).builder().build().format())
                .isInstanceOf(ParquetFormat.class);
    }

    @Test
    void export_newExportToken_isSharedByEveryBuiltExport() {
        ExportOptions o = ExportOptions.parse(export(), false).withNewExportToken();

        assertThat(o.builder().build().exportToken()).isEqualTo(o.builder().build().exportToken());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            compresion     | gz          | compresion
            write_strategy | sometimes   | write_strategy must be create_new or replace, was 'sometimes' (write_strategy)
            compression    | zstd        | compression must be none or gz, was 'zstd' (compression)
            part_size      | 2           | part_size must be a whole number of MB from 5 to 5000, was '2' (part_size)
            max_rows_per_object | 0      | max_rows_per_object must be a whole number from 1 to 9223372036854775807, was '0' (max_rows_per_object)
            partition_zone | Mars/Base   | partition_zone must be a time zone id such as Asia/Tokyo or UTC, was 'Mars/Base' (partition_zone)
            path_style     | yes         | path_style must be true or false, was 'yes' (path_style)
            """)
    void export_badOption_throwsNamingIt(String key, String value, String message) {
        assertThatThrownBy(() -> ExportOptions.parse(with(export(), key, value), false))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageContaining(message);
    }

    @Test
    void export_parquetWithGzip_throws() {
        Map<String, String> m = with(with(export(), "format", "parquet"), "compression", "gz");

        assertThatThrownBy(() -> ExportOptions.parse(m, false))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("format parquet compresses its pages itself; leave compression out or none, was 'gz'"
                        + " (compression)");
    }

    @Test
    void export_toString_masksTheSecret() {
        assertThat(ExportOptions.parse(export(), false).toString())
                .contains("access_key_id=AKIDEXAMPLE", "secret_access_key=****")
                .doesNotContain("very-secret-key");
    }

    private static Map<String, String> read() {
        Map<String, String> m = new HashMap<>();
        m.put("bucket", "my-bucket");
        return m;
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            bad_rows            | sometimes | bad_rows must be fail or skip, was 'sometimes' (bad_rows)
            access_key_id       | AKID      | access_key_id does not go with auth_method default (access_key_id)
            auth_method         | magic     | auth_method must be default, profile, anonymous, basic or session, was 'magic' (auth_method)
            modified_after      | yesterday | modified_after must be an ISO-8601 instant such as 2026-12-01T00:00:00Z, was 'yesterday' (modified_after)
            max_partition_bytes | 0         | max_partition_bytes must be a whole number from 1 to 9223372036854775807, was '0' (max_partition_bytes)
            drop_columns        | ' , '     | drop_columns must list column names separated by commas, was ' , ' (drop_columns)
            path_prefx          | logs/     | unknown option 'path_prefx' for format("ferry") reads; the options are [
            """)
    void read_badOption_throwsNamingIt(String key, String value, String message) {
        assertThatThrownBy(() -> ImportOptions.parse(with(read(), key, value)))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageContaining(message);
    }

    @Test
    void read_pathAndPathPrefix_throws() {
        Map<String, String> m = with(with(read(), "path", "a/"), "path_prefix", "b/");

        assertThatThrownBy(() -> ImportOptions.parse(m))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("give path_prefix or path (load(\"prefix\")), not both (path)");
    }

    @Test
    void read_missingBucket_throws() {
        assertThatThrownBy(() -> ImportOptions.parse(Map.of("path_prefix", "x/")))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("option 'bucket' is required, e.g. .option(\"bucket\", \"my-bucket\") (bucket)");
    }

    private static Map<String, String> td() {
        Map<String, String> m = new HashMap<>();
        m.put("database", "mydb");
        m.put("table", "events");
        m.put("apikey", "1/secretkey");
        return m;
    }

    @Test
    void td_modeFromSaveModeUnlessGiven() {
        assertThat(TdOptions.parse(td(), true).mode()).isEqualTo(TdWriteMode.REPLACE);
        assertThat(TdOptions.parse(td(), false).mode()).isEqualTo(TdWriteMode.APPEND);
        assertThat(TdOptions.parse(with(td(), "mode", "replace_on_new_data"), false).mode())
                .isEqualTo(TdWriteMode.REPLACE_ON_NEW_DATA);
        assertThat(TdOptions.parse(Map.of("uri", "td://1%2Fk@/mydb/events?mode=replace"), false).mode())
                .isEqualTo(TdWriteMode.REPLACE);
    }

    @Test
    void td_toString_masksTheKey() {
        assertThat(TdOptions.parse(td(), false).toString()).contains("apikey=****").doesNotContain("secretkey");
        assertThat(TdOptions.parse(Map.of("uri", "td://1%2Fsecretkey@/mydb/events"), false).toString())
                .contains("uri=****").doesNotContain("secretkey");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            chunk_size      | 10    | chunk_size must be a whole number from 1024 to 268435456, was '10' (chunk_size)
            create_database | maybe | create_database must be true or false, was 'maybe' (create_database)
            tabel           | x     | unknown option 'tabel' for format("ferry-td") writes; the options are [
            """)
    void td_badOption_throwsNamingIt(String key, String value, String message) {
        assertThatThrownBy(() -> TdOptions.parse(with(td(), key, value), false))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageContaining(message);
    }
}
