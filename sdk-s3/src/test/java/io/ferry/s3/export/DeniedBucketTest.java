package io.ferry.s3.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.ferry.core.FerryIoException;
import io.ferry.core.credentials.Credentials;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Schema;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * S3Mock has no bucket policies, so a bucket whose policy denies s3:PutObject is played by a
 * local HTTP endpoint that answers every request with S3's 403 AccessDenied error document.
 */
class DeniedBucketTest {
    private HttpServer denying;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        denying = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        denying.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            exchange.getRequestBody().readAllBytes();
            byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code>"
                    + "<Message>Access Denied</Message><RequestId>r1</RequestId></Error>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(403, xml.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(xml);
            }
        });
        denying.start();
    }

    @AfterEach
    void stop() {
        denying.stop(0);
    }

    @Test
    void open_putDenied_failsBeforeTheFirstRowNamingBucketPrefixAndPermission() {
        S3Export export = S3Export.builder().bucket("locked").path("exports/{{TABLE}}/{{UUID}}.csv")
                .connection(c -> c.endpoint("http://127.0.0.1:" + denying.getAddress().getPort()).pathStyle(true)
                        .region("us-east-1").credentials(Credentials.basic("AKIADENIED", "secret")))
                .build();
        Schema schema = Schema.of(Column.of("id", ColumnType.LONG));

        assertThatThrownBy(() -> export.open("t", schema))
                .isInstanceOf(FerryIoException.class)
                .hasMessage("testWrite: the credentials may not write to bucket 'locked' under prefix 'exports/'"
                        + " (AccessDenied (HTTP 403): Access Denied); grant s3:PutObject on arn:aws:s3:::locked/exports/*"
                        + " (plus kms:GenerateDataKey for SSE-KMS), or set testWrite(false) to skip this check")
                .satisfies(e -> assertThat(((FerryIoException) e).retryable()).isFalse());
        assertThat(requests).singleElement().satisfies(r -> assertThat(r).startsWith("PUT /locked/exports/.ferry-write-test-"));
    }
}
