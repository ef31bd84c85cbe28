package io.ferry.s3.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.credentials.DefaultChainCredentials;
import io.ferry.core.credentials.ProfileCredentials;
import io.ferry.core.credentials.SessionCredentials;
import io.ferry.formats.Compression;
import io.ferry.formats.Newline;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.formats.csv.QuotePolicy;
import io.ferry.formats.json.JsonLinesFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3ExportConfigTest {
    private static final String BASE = "\"type\":\"s3_v2\",\"auth_method\":\"basic\",\"access_key_id\":\"AKIA1\","
            + "\"secret_access_key\":\"s3cr3t\",\"bucket\":\"bucket-name\",\"path\":\"path/to/file.csv\"";

    private static S3Export parse(String extra) {
        return S3ExportConfig.fromTdResult("{" + BASE + (extra.isEmpty() ? "" : "," + extra) + "}").build();
    }

    @Test
    void fromTdResult_referenceCliExample_mapsEveryKey() {
        S3Export e = S3ExportConfig.fromTdResult("{\"type\":\"s3_v2\",\"auth_method\":\"basic\",\"region\":\"us-east-2\","
                + "\"access_key_id\": \"AKIAEXAMPLE\",\"secret_access_key\":\"topsecret\",\"bucket\":\"bucket-name\","
                + "\"path\":\"path/to/file.csv\",\"format\":\"csv\",\"compression\":\"none\",\"header\":true,"
                + "\"delimiter\":\"default\",\"null_value\":\"default\",\"newline\":\"CRLF\",\"quote_policy\":\"NONE\","
                + "\"part_size\":10}").build();

        assertThat(e.bucket()).isEqualTo("bucket-name");
        assertThat(e.path().template()).isEqualTo("path/to/file.csv");
        assertThat(e.connection().region()).contains("us-east-2");
        assertThat(e.compression()).isEqualTo(Compression.NONE);
        assertThat(e.partSizeMb()).isEqualTo(10);
        assertThat(e.format()).isEqualTo(CsvFormat.csv().toBuilder().quotePolicy(QuotePolicy.NONE).build());
        assertThat(e.toString()).doesNotContain("topsecret");
    }

    @Test
    void fromTdResult_workflowExample_tsvGzipWithSseKms() {
        S3Export e = parse("\"format\":\"tsv\",\"compression\":\"gz\",\"header\":false,\"delimiter\":\"|\","
                + "\"null_value\":\"NULL\",\"newline\":\"LF\",\"escape\":\"\\\\\",\"part_size\":20,"
                + "\"sse_type\":\"sse-kms\",\"kms_key_id\":\"key-1\"");

        CsvFormat f = (CsvFormat) e.format();
        assertThat(f.extension()).isEqualTo("tsv");
        assertThat(f.delimiter()).isEqualTo('|');
        assertThat(f.nullString()).isEqualTo("NULL");
        assertThat(f.newline()).isEqualTo(Newline.LF);
        assertThat(f.header()).isFalse();
        assertThat(e.compression()).isEqualTo(Compression.GZIP);
        assertThat(e.partSizeMb()).isEqualTo(20);
        assertThat(e.sse()).contains(Sse.kms("key-1"));
    }

    @Test
    void fromTdResult_sessionJsonl() {
        S3Export e = S3ExportConfig.fromTdResult("{\"type\":\"s3_v2\",\"auth_method\":\"session\",\"access_key_id\":\"A\","
                + "\"secret_access_key\":\"S\",\"session_token\":\"T\",\"bucket\":\"bkt\",\"path\":\"x.jsonl\","
                + "\"format\":\"jsonl\",\"sse_type\":\"sse-s3\"}").build();

        assertThat(e.format()).isInstanceOf(JsonLinesFormat.class);
        assertThat(e.connection().credentials()).get().isInstanceOf(SessionCredentials.class);
        assertThat(e.sse()).contains(Sse.s3());
    }

    @Test
    void fromTdResult_defaultAndProfile_credentialsFromOutsideTheJson() {
        String base = "\"type\":\"s3_v2\",\"bucket\":\"bkt\",\"path\":\"x.csv\"";
        S3Export chain = S3ExportConfig.fromTdResult("{" + base + ",\"auth_method\":\"default\"}").build();
        S3Export profile = S3ExportConfig.fromTdResult("{" + base + ",\"auth_method\":\"profile\","
                + "\"profile\":\"exports\"}").build();

        assertThat(chain.connection().credentials()).get().isInstanceOf(DefaultChainCredentials.class);
        assertThat(profile.connection().credentials()).get().isInstanceOf(ProfileCredentials.class)
                .extracting(c -> ((ProfileCredentials) c).profileName()).isEqualTo("exports");
    }

    @Test
    void fromTdResult_keysWithDefaultChain_throws() {
        assertThatThrownBy(() -> S3ExportConfig.fromTdResult("{\"type\":\"s3_v2\",\"bucket\":\"b\",\"path\":\"p\","
                + "\"auth_method\":\"default\",\"secret_access_key\":\"s3cr3t-value\"}"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("secret_access_key does not go with auth_method default; use auth_method basic or session"
                        + " for keys in the JSON (secret_access_key)");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "\"bogus\":1                        | bogus          | unknown key 'bogus' in the TD result JSON",
        "\"part_size\":2                    | part_size      | part_size must be a whole number of MB from 5 to 5000, was '2'",
        "\"part_size\":\"ten\"              | part_size      | part_size must be a whole number of MB from 5 to 5000, was 'ten'",
        "\"format\":\"xml\"                 | format         | format must be csv, tsv or jsonl, was 'xml'",
        "\"compression\":\"zip\"            | compression    | compression must be none or gz, was 'zip'",
        "\"header\":\"yes\"                 | header         | header must be true or false, was 'yes'",
        "\"delimiter\":\"ab\"               | delimiter      | delimiter must be exactly one character, was 'ab'",
        "\"null_value\":\"nil\"             | null_value     | null_value must be default, empty, \\N, NULL or null, was 'nil'",
        "\"newline\":\"CRCR\"               | newline        | newline must be CRLF, LF or CR, was 'CRCR'",
        "\"quote_policy\":\"SOME\"          | quote_policy   | quote_policy must be ALL, MINIMAL or NONE, was 'SOME'",
        "\"sse_type\":\"sse-c\"             | sse_type       | sse_type must be sse-s3 or sse-kms, was 'sse-c'",
        "\"kms_key_id\":\"k\"               | kms_key_id     | kms_key_id needs sse_type sse-kms",
        "\"session_token\":\"t\"            | session_token  | session_token needs auth_method session",
        "\"profile\":\"p\"                  | profile        | profile needs auth_method profile",
        "\"path\":{}                        | path           | 'path' must be a string, number or boolean, not an object",
    })
    void fromTdResult_badValue_throwsNamingKey(String extra, String option, String message) {
        assertThatThrownBy(() -> parse(extra))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageStartingWith(message)
                .hasMessageEndingWith("(" + option + ")")
                .satisfies(e -> assertThat(((FerryConfigException) e).option()).isEqualTo(option));
    }

    @Test
    void fromTdResult_wrongType_throws() {
        assertThatThrownBy(() -> S3ExportConfig.fromTdResult("{\"type\":\"s3\",\"bucket\":\"b\",\"path\":\"p\"}"))
                .isInstanceOf(FerryConfigException.class).hasMessage("type must be s3_v2, was 's3' (type)");
    }

    @Test
    void fromTdResult_assumeRole_pointsToCredentialsApi() {
        assertThatThrownBy(() -> S3ExportConfig.fromTdResult("{\"type\":\"s3_v2\",\"auth_method\":\"assume_role\","
                + "\"bucket\":\"b\",\"path\":\"p\"}"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageContaining("Credentials.assumeRole").hasMessageEndingWith("(auth_method)");
    }

    @Test
    void fromTdResult_invalidJson_throws() {
        assertThatThrownBy(() -> S3ExportConfig.fromTdResult("{\"type\": "))
                .isInstanceOf(FerryConfigException.class).hasMessageStartingWith("invalid JSON")
                .hasMessageEndingWith("(result)");
    }
}
