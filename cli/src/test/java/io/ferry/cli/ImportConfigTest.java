package io.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.credentials.AnonymousCredentials;
import io.ferry.core.credentials.BasicCredentials;
import io.ferry.core.credentials.ProfileCredentials;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.ParserType;
import io.ferry.s3.imports.S3Import;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImportConfigTest {
    private static final String PARSER = "{\"type\":\"csv\",\"skip_header_lines\":1,"
            + "\"columns\":[{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"name\",\"type\":\"string\"}]}";

    @Test
    void parse_mapsInKeysOntoTheImport() {
        S3Import imp = ImportConfig.parse("{\"in\":{\"type\":\"s3\",\"bucket\":\"logs\",\"path_prefix\":\"2024/\","
                + "\"endpoint\":\"http://127.0.0.1:9000\",\"region\":\"eu-west-1\",\"path_style\":true,"
                + "\"incremental\":true,\"auth_method\":\"profile\",\"profile\":\"etl\"},\"parser\":" + PARSER + "}")
                .build();

        assertThat(imp.bucket()).isEqualTo("logs");
        assertThat(imp.pathPrefix()).isEqualTo("2024/");
        assertThat(imp.incremental()).isTrue();
        assertThat(imp.connection().endpoint()).contains(URI.create("http://127.0.0.1:9000"));
        assertThat(imp.connection().region()).contains("eu-west-1");
        assertThat(imp.connection().pathStyle()).isTrue();
        assertThat(imp.connection().credentials()).get().isInstanceOf(ProfileCredentials.class);
    }

    @Test
    void parse_parserInsideIn_asEmbulkWritesIt_isRead() {
        S3Import.Builder b = ImportConfig.parse("{\"in\":{\"bucket\":\"my-bucket\",\"auth_method\":\"basic\","
                + "\"access_key_id\":\"AKIAEXAMPLE\",\"secret_access_key\":\"importconfig-secret-1\",\"parser\":"
                + PARSER + "}}");

        S3Import imp = b.build();
        assertThat(imp.connection().credentials()).get().isInstanceOf(BasicCredentials.class);
        assertThat(imp.toString()).doesNotContain("importconfig-secret-1");
    }

    @Test
    void skeleton_isReadBackByParse() {
        S3Options s3 = new S3Options();
        s3.endpoint = "http://127.0.0.1:9000";
        s3.pathStyle = true;
        s3.region = "us-east-1";
        ParserConfig parser = ParserConfig.fromJson(PARSER);

        String json = Json.pretty(ImportConfig.skeleton(new S3Location("my-bucket", "logs/"), "\\.csv$", s3, parser));
        S3Import imp = ImportConfig.parse(json).build();

        assertThat(imp.bucket()).isEqualTo("my-bucket");
        assertThat(imp.pathPrefix()).isEqualTo("logs/");
        assertThat(imp.connection().endpoint()).contains(URI.create("http://127.0.0.1:9000"));
        assertThat(imp.connection().pathStyle()).isTrue();
        assertThat(Json.parse(json, "t").get("parser").get("type").asText()).isEqualTo(ParserType.CSV.name()
                .toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void parse_anonymous_setsAnonymousCredentials() {
        S3Import imp = ImportConfig.parse("{\"in\":{\"bucket\":\"my-bucket\",\"auth_method\":\"anonymous\"}}").build();

        assertThat(imp.connection().credentials()).get().isInstanceOf(AnonymousCredentials.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"in\":{\"bucket\":\"b\"},\"extra\":1}                     | unknown key 'extra' in the import config; the keys are [exec, filters, in, out, parser] (extra)",
        "{\"in\":{\"bucket\":\"b\",\"bukket\":\"c\"}}                | unknown key 'in.bukket' in the import config; the keys of in are",
        "{\"parser\":{}}                                             | the config needs an \"in\" object with the S3 settings",
        "{\"in\":{\"path_prefix\":\"x\"}}                            | in.bucket is required (in.bucket)",
        "{\"in\":{\"bucket\":\"b\",\"type\":\"gcs\"}}                | in.type must be s3, was 'gcs' (in.type)",
        "{\"in\":{\"bucket\":\"b\",\"incremental\":\"yes\"}}         | in.incremental must be true or false, was \"yes\" (in.incremental)",
        "{\"in\":{\"bucket\":\"b\",\"auth_method\":\"basic\",\"access_key_id\":\"A\",\"secret_access_key\":12345678}} | in.secret_access_key must be a string, was a number (in.secret_access_key)",
        "{\"in\":{\"bucket\":\"b\",\"auth_method\":\"default\",\"secret_access_key\":\"x\"}} | in.secret_access_key does not go with auth_method default (in.secret_access_key)",
        "{\"in\":{\"bucket\":\"b\",\"auth_method\":\"magic\"}}       | in.auth_method must be default, env, profile, anonymous, basic or session, was 'magic' (in.auth_method)",
        "{\"in\":{\"bucket\":\"b\",\"parser\":{}},\"parser\":{}}     | the config has both \"parser\" and \"in.parser\"; keep one (parser)",
        "{\"in\":{\"bucket\":\"b\"},\"filters\":[{\"type\":\"rename\"}]} | filter type 'rename' is not supported by ferry import; supported: remove_columns (with remove or keep) (filters[0].type)",
        "{\"in\":{\"bucket\":\"b\"},\"filters\":[{\"type\":\"remove_columns\"}]} | filters[0] needs exactly one of remove and keep (filters[0])",
        "{\"in\":                                                    | the config file is not valid JSON:",
    })
    void parse_bad_throwsNamingTheKey(String json, String message) {
        assertThatThrownBy(() -> ImportConfig.parse(json.strip()))
                .isInstanceOf(FerryConfigException.class).hasMessageStartingWith(message.strip());
    }

    @Test
    void parse_removeColumnsFilters_accepted() {
        S3Import.Builder b = ImportConfig.parse("{\"in\":{\"bucket\":\"my-bucket\"},\"parser\":" + PARSER + ",\"filters\":"
                + "[{\"type\":\"remove_columns\",\"remove\":[\"name\"]},{\"type\":\"remove_columns\",\"keep\":[\"id\"]}]}");

        assertThat(b.build().bucket()).isEqualTo("my-bucket");
    }
}
