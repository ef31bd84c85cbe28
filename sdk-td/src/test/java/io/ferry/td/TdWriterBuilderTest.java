package io.ferry.td;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** White-box: build(environment) stands in for the process environment. */
class TdWriterBuilderTest {
    private static final String SECRET = "1/0000secret0000";

    private static TdWriterBuilder minimal() {
        return TdWriter.builder().database("testdb").table("output_table");
    }

    @Test
    void build_defaults() {
        TdWriter w = minimal().apiKey(SECRET).build();

        assertThat(w.endpoint()).isEqualTo(TdEndpoint.US);
        assertThat(w.mode()).isEqualTo(TdWriteMode.APPEND);
        assertThat(w.chunkSize()).isEqualTo(32L * 1024 * 1024);
    }

    @Test
    void build_withoutKey_readsTdApiKeyFromTheEnvironment() {
        TdWriter w = minimal().build(Map.of("TD_API_KEY", SECRET)::get);

        assertThat(w.toBuilder()).hasToString("TdWriterBuilder{endpoint=https://api.treasuredata.com, database=testdb,"
                + " table=output_table, mode=APPEND, createDatabaseIfMissing=false, chunkSize=33554432, maxAttempts=5,"
                + " apiKey=****}");
    }

    @Test
    void apiKey_null_throwsConfigErrorSayingWhereTheKeyComesFrom() {
        // as when a caller passes System.getenv("TD_API_KEY") and the variable is unset
        assertThatThrownBy(() -> minimal().apiKey(null))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("the API key is null; give the key shown in TD Console > My Settings > API Keys, or set"
                        + " TD_API_KEY (apiKey)");
    }

    @Test
    void build_noKeyAnywhere_throwsSayingWhereToPutOne() {
        assertThatThrownBy(() -> minimal().build(Map.<String, String>of()::get))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("no API key: set apiKey(...), put it in the td:// URI, or set the environment variable"
                        + " TD_API_KEY (apiKey)");
    }

    @Test
    void fromUri_takesDatabaseTableModeKeyAndHost() {
        TdWriter w = TdWriter.fromUri("td://" + SECRET + "@api.treasuredata.co.jp/testdb/output_table?mode=replace");

        assertThat(w.database()).isEqualTo("testdb");
        assertThat(w.table()).isEqualTo("output_table");
        assertThat(w.mode()).isEqualTo(TdWriteMode.REPLACE);
        assertThat(w.endpoint()).isEqualTo(TdEndpoint.TOKYO);
        assertThat(w).hasToString("TdWriter{endpoint=https://api.treasuredata.co.jp, database=testdb,"
                + " table=output_table, mode=REPLACE, createDatabaseIfMissing=false, chunkSize=33554432,"
                + " maxAttempts=5, apiKey=****}");
    }

    @Test
    void uri_laterSettersOverride() {
        TdWriter w = TdWriter.builder().uri("td://@/testdb/output_table?mode=replace").endpoint("http://127.0.0.1:1")
                .mode(TdWriteMode.APPEND).build(Map.of("TD_API_KEY", SECRET)::get);

        assertThat(w.mode()).isEqualTo(TdWriteMode.APPEND);
        assertThat(w.endpoint().uri()).hasToString("http://127.0.0.1:1");
    }

    @Test
    void build_missingDatabaseOrTable_throws() {
        assertThatThrownBy(() -> TdWriter.builder().table("output_table").apiKey(SECRET).build())
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("the database is required; set database(\"...\") or use a td:// URI (database)");
        assertThatThrownBy(() -> TdWriter.builder().database("testdb").apiKey(SECRET).build())
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("the table is required; set table(\"...\") or use a td:// URI (table)");
    }

    @Test
    void build_timeColumnAndTimeValue_throws() {
        assertThatThrownBy(() -> minimal().apiKey(SECRET).timeColumn("created_at").timeValue(5).build())
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("set timeColumn(\"created_at\") or timeValue(5), not both (timeColumn)");
    }

    @Test
    void setters_rejectImpossibleValuesAtOnce() {
        assertThatThrownBy(() -> minimal().chunkSize(1023))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("chunkSize must be between 1 KB (1024) and 256 MB (268435456) bytes, was 1023 (chunkSize)");
        assertThatThrownBy(() -> minimal().maxAttempts(0))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("maxAttempts must be between 1 and 20, was 0 (maxAttempts)");
        assertThatThrownBy(() -> minimal().timeValue(-1))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("timeValue is unix seconds and must not be negative, was -1 (timeValue)");
        assertThatThrownBy(() -> minimal().requestTimeout(Duration.ZERO))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("requestTimeout must be positive, was PT0S (requestTimeout)");
        assertThatThrownBy(() -> minimal().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("backoff needs 0 <= initial <= max, was initial PT2S and max PT1S (backoff)");
        assertThatThrownBy(() -> minimal().table("Output-Table"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("a table name may hold only lower-case letters a-z, digits and '_', was 'Output-Table';"
                        + " did you mean 'output_table'? (table)");
        assertThatThrownBy(() -> minimal().database("db"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("a database name must be 3 to 256 characters, was 2 ('db') (database)");
    }

    @Test
    void secrets_neverInToStringOfWriterBuilderOrUri() {
        TdWriter w = minimal().apiKey(SECRET).build();

        assertThat(w.toString()).doesNotContain("secret").contains("apiKey=****");
        assertThat(w.toBuilder().toString()).doesNotContain("secret").contains("apiKey=****");
        assertThat(TdUri.parse("td://" + SECRET + "@/testdb/output_table").toString()).doesNotContain("secret");
    }
}
