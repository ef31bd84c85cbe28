package io.ferry.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.credentials.Credentials;
import io.ferry.core.filter.Filters;
import io.ferry.s3.S3Connection;
import io.ferry.s3.export.S3Export;
import io.ferry.s3.imports.S3Import;
import io.ferry.td.TdUri;
import io.ferry.td.TdWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The toString() of every value that holds a secret prints {@code ****} or nothing in its place. */
class ToStringSecretsTest {
    private static final String SECRET = "toStringTestSecretKey0123456789abcdef";
    private static final String TOKEN = "toStringTestSessionToken/0123456789+abc=";
    private static final String TD_KEY = "1/toStringTestTdKey0123456789abcdef";

    @Test
    void toString_ofEveryValueHoldingASecret_hidesIt() {
        Credentials session = Credentials.session("AKIATOSTRING", SECRET, TOKEN);
        List<Object> values = List.of(
                session,
                Credentials.assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/r").sourceCredentials(session)),
                S3Connection.builder().region("us-east-1").credentials(session).build(),
                S3Connection.builder().region("us-east-1").credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create("AKIATOSTRING", SECRET, TOKEN))).build(),
                S3Export.builder().bucket("tostring-bucket").path("k.csv").region("us-east-1").credentials(session)
                        .build(),
                S3Import.builder().bucket("tostring-bucket").region("us-east-1").credentials(session).build(),
                TdWriter.builder().apiKey(TD_KEY).database("db_one").table("table_one"),
                TdWriter.builder().apiKey(TD_KEY).database("db_one").table("table_one").build(),
                TdUri.parse("td://" + TD_KEY + "@api.treasuredata.co.jp/db_one/table_one?mode=replace"),
                Filters.digest("email", Optional.of(SECRET)));

        assertThat(values).allSatisfy(v -> assertThat(v.toString())
                .doesNotContain(SECRET).doesNotContain(TOKEN).doesNotContain(TD_KEY)
                .doesNotContain("toStringTest"));
        assertThat(values.get(0).toString()).contains("AKIATOSTRING", "****");
        assertThat(values.get(8).toString()).isEqualTo("td://****@api.treasuredata.co.jp/db_one/table_one?mode=replace");
    }
}
