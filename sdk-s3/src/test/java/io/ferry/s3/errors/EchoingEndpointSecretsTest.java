package io.ferry.s3.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.ferry.core.FerryIoException;
import io.ferry.core.credentials.Credentials;
import io.ferry.s3.imports.S3Import;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * An S3-compatible endpoint that quotes the request's session token, and its whole Authorization
 * header, in its error document (some stores and proxies do): Ferry's messages and the causes they
 * carry must not repeat either.
 */
class EchoingEndpointSecretsTest {
    private static final String TOKEN_OF_CREDENTIALS = "IQoJb3JpZ2luX2VjEchoTestTokenOne/abc+def==";
    private static final String TOKEN_OF_PROVIDER = "IQoJb3JpZ2luX2VjEchoTestTokenTwo/xyz+uvw==";
    private static final String SECRET_OF_PROVIDER = "echoTestSecretOfAProvider0123456789abcdef";

    private HttpServer echoing;

    @BeforeEach
    void start() throws IOException {
        echoing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        echoing.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String token = exchange.getRequestHeaders().getFirst("x-amz-security-token");
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InvalidToken</Code>"
                    + "<Message>The token '" + token + "' is malformed; request had X-Amz-Security-Token="
                    + token + " and Authorization: " + auth + "</Message><RequestId>r1</RequestId></Error>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(400, xml.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(xml);
            }
        });
        echoing.start();
    }

    @AfterEach
    void stop() {
        echoing.stop(0);
    }

    private String endpoint() {
        return "http://127.0.0.1:" + echoing.getAddress().getPort();
    }

    @Test
    void guess_sessionCredentialsEchoed_messageAndCausesMaskThem() {
        S3Import imp = S3Import.builder().bucket("echo-bucket").pathPrefix("in/")
                .connection(c -> c.endpoint(endpoint()).pathStyle(true).region("us-east-1")
                        .credentials(Credentials.session("AKIAECHOTEST", "echoTestSecretOfCredentials01234567",
                                TOKEN_OF_CREDENTIALS)))
                .build();

        assertThatThrownBy(imp::guess)
                .isInstanceOf(FerryIoException.class)
                .hasMessageStartingWith("cannot list s3://echo-bucket/in/: InvalidToken (HTTP 400): The token '****'"
                        + " is malformed; request had X-Amz-Security-Token=**** and Authorization: ****")
                .satisfies(e -> assertThat(trace(e)).doesNotContain(TOKEN_OF_CREDENTIALS)
                        .doesNotContain("Signature=").contains("S3Exception"));
    }

    @Test
    void guess_credentialsOfAProviderEchoed_areMaskedToo() {
        S3Import imp = S3Import.builder().bucket("echo-bucket").pathPrefix("in/")
                .connection(c -> c.endpoint(endpoint()).pathStyle(true).region("us-east-1")
                        .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                                "AKIAECHOTEST2", SECRET_OF_PROVIDER, TOKEN_OF_PROVIDER))))
                .build();

        assertThatThrownBy(imp::guess)
                .isInstanceOf(FerryIoException.class)
                .hasMessageContaining("The token '****' is malformed")
                .satisfies(e -> assertThat(trace(e)).doesNotContain(TOKEN_OF_PROVIDER));
    }

    private static String trace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
