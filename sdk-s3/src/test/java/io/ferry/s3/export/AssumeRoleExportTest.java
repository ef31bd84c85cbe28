package io.ferry.s3.export;

import static io.ferry.s3.export.S3Fixture.keys;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.ferry.core.credentials.Credentials;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Assume-role end to end: a local HTTP handler answers STS AssumeRole with session credentials,
 * and the export's S3 requests must then be signed with them.
 */
class AssumeRoleExportTest {
    private static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.LONG));
    private static final String ROLE = "arn:aws:iam::123456789012:role/ferry-export";

    private HttpServer sts;
    private final List<Map<String, String>> stsRequests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startSts() throws IOException {
        sts = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sts.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = new HashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            form.put("Authorization", exchange.getRequestHeaders().getFirst("Authorization"));
            stsRequests.add(form);
            byte[] xml = ("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
                    + "<Credentials><AccessKeyId>ASIAFERRYSESSION</AccessKeyId>"
                    + "<SecretAccessKey>session-secret</SecretAccessKey><SessionToken>session-token-1</SessionToken>"
                    + "<Expiration>" + Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                    + "</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROAFERRY:ferry</AssumedRoleId>"
                    + "<Arn>arn:aws:sts::123456789012:assumed-role/ferry-export/ferry</Arn></AssumedRoleUser>"
                    + "</AssumeRoleResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>"
                    + "</AssumeRoleResponse>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, xml.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(xml);
            }
        });
        sts.start();
    }

    @AfterEach
    void stopSts() {
        sts.stop(0);
    }

    @Test
    void assumeRole_callsStsWithRoleAndSignsS3WithSessionCredentials() {
        String bucket = S3Fixture.S3.newBucket("assume");
        RequestHeaders s3Requests = new RequestHeaders();
        Credentials role = Credentials.assumeRole(r -> r.roleArn(ROLE).externalId("ext-42").durationSeconds(900)
                .roleSessionName("ferry-test")
                .sourceCredentials(Credentials.basic("AKIASOURCE", "source-secret"))
                .stsEndpoint(URI.create("http://127.0.0.1:" + sts.getAddress().getPort())));

        ExportResult r = S3Export.builder().bucket(bucket).path("role/{{UUID}}.csv")
                .connection(c -> c.region("us-east-1").endpoint(S3Fixture.S3.endpoint()).pathStyle(true)
                        .credentials(role).addInterceptor(s3Requests))
                .build().write("t", SCHEMA, List.of(Record.of(SCHEMA, 1L)));

        assertThat(stsRequests).isNotEmpty();
        Map<String, String> call = stsRequests.get(0);
        assertThat(call).containsEntry("Action", "AssumeRole").containsEntry("RoleArn", ROLE)
                .containsEntry("ExternalId", "ext-42").containsEntry("DurationSeconds", "900")
                .containsEntry("RoleSessionName", "ferry-test");
        assertThat(call.get("Authorization")).contains("Credential=AKIASOURCE/");
        assertThat(s3Requests.of("PutObject")).isNotEmpty().allSatisfy(p -> {
            assertThat(p.header("Authorization")).contains("Credential=ASIAFERRYSESSION/");
            assertThat(p.header("x-amz-security-token")).isEqualTo("session-token-1");
        });
        assertThat(keys(bucket)).containsExactly(r.objects().get(0).key());
    }

    @Test
    void toString_ofAssumeRoleExport_hidesSecrets() {
        S3Export export = S3Export.builder().bucket("bkt").path("k.csv")
                .credentials(Credentials.assumeRole(r -> r.roleArn(ROLE)
                        .sourceCredentials(Credentials.session("AKIA1", "very-secret", "very-token"))))
                .build();
        assertThat(export.toString()).doesNotContain("very-secret").doesNotContain("very-token").contains(ROLE);
    }
}
