package io.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultProxyTest {
    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + new String(body, StandardCharsets.UTF_8));
            byte[] answer = ("answer to " + exchange.getRequestURI().getPath() + " ").repeat(100)
                    .getBytes(StandardCharsets.UTF_8);
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().add("Content-Length", String.valueOf(answer.length));
                exchange.sendResponseHeaders(200, -1);
            } else {
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private HttpResponse<String> send(FaultProxy proxy, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(proxy.endpoint().resolve(path)).timeout(Duration.ofSeconds(10));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void none_forwardsRequestsAndResponsesOverOneConnection() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(server.getAddress().getPort(), FaultPlan.none())) {
            assertThat(send(proxy, "PUT", "/b/k1", "one").body()).startsWith("answer to /b/k1 ");
            assertThat(send(proxy, "GET", "/b/k2?list-type=2", null).statusCode()).isEqualTo(200);
            assertThat(send(proxy, "HEAD", "/b/k3", null).statusCode()).isEqualTo(200);
            assertThat(received).containsExactly("PUT /b/k1 one", "GET /b/k2?list-type=2 ", "HEAD /b/k3 ");
            assertThat(proxy.exchanges()).extracting(e -> e.request().method() + " " + e.status())
                    .containsExactly("PUT 200", "GET 200", "HEAD 200");
            assertThat(proxy.faultsInjected()).isZero();
        }
    }

    @Test
    void expectContinue_isAnsweredByTheProxy() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(server.getAddress().getPort(), FaultPlan.none())) {
            HttpRequest r = HttpRequest.newBuilder(proxy.endpoint().resolve("/b/k")).expectContinue(true)
                    .PUT(HttpRequest.BodyPublishers.ofString("payload")).timeout(Duration.ofSeconds(10)).build();
            assertThat(client.send(r, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(received).containsExactly("PUT /b/k payload");
        }
    }

    @Test
    void chunkedRequestBody_isForwarded() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(server.getAddress().getPort(), FaultPlan.none())) {
            HttpRequest r = HttpRequest.newBuilder(proxy.endpoint().resolve("/b/chunked"))
                    .PUT(HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream("streamed".getBytes(StandardCharsets.UTF_8))))
                    .timeout(Duration.ofSeconds(10)).build();
            assertThat(client.send(r, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(received).containsExactly("PUT /b/chunked streamed");
        }
    }

    @Test
    void errors_answerWithoutReachingTheServer() throws Exception {
        FaultPlan plan = r -> r.path().endsWith("500") ? Fault.ERROR_500 : Fault.ERROR_503;
        try (FaultProxy proxy = FaultProxy.start(server.getAddress().getPort(), plan)) {
            HttpResponse<String> r500 = send(proxy, "PUT", "/b/500", "x");
            HttpResponse<String> r503 = send(proxy, "GET", "/b/503", null);
            assertThat(r500.statusCode()).isEqualTo(500);
            assertThat(r500.body()).contains("<Code>InternalError</Code>");
            assertThat(r503.statusCode()).isEqualTo(503);
            assertThat(r503.body()).contains("<Code>SlowDown</Code>");
            assertThat(received).isEmpty();
            assertThat(proxy.faultsInjected()).isEqualTo(2);
        }
    }

    @Test
    void dropResponse_reachesTheServerButTheClientGetsNoAnswer() {
        FaultPlan plan = FaultPlan.nth(r -> r.method().equals("POST"), 1, Fault.DROP_RESPONSE);
        try (FaultProxy proxy = FaultProxy.start(server.getAddress().getPort(), plan)) {
            assertThatThrownBy(() -> send(proxy, "POST", "/b/k?uploads", "")).isInstanceOf(IOException.class);
            assertThat(received).containsExactly("POST /b/k?uploads ");
            assertThat(proxy.exchanges()).extracting(FaultProxy.Exchange::fault).containsExactly(Fault.DROP_RESPONSE);
        }
    }

    @Test
    void resetRequest_neverReachesTheServer() {
        FaultPlan plan = FaultPlan.nth(r -> true, 1, Fault.RESET_REQUEST);
        try (FaultProxy proxy = FaultProxy.start(server.getAddress().getPort(), plan)) {
            assertThatThrownBy(() -> send(proxy, "PUT", "/b/k", "x".repeat(100_000))).isInstanceOf(IOException.class);
            assertThat(received).isEmpty();
        }
    }

    @Test
    void resetResponseBody_cutsTheBodyAfterTheServerActed() throws Exception {
        FaultPlan plan = FaultPlan.nth(r -> r.method().equals("GET"), 1, Fault.RESET_RESPONSE_BODY);
        try (FaultProxy proxy = FaultProxy.start(server.getAddress().getPort(), plan)) {
            // the JDK client reports the reset either from send() or while reading the body, depending on timing
            HttpRequest r = HttpRequest.newBuilder(proxy.endpoint().resolve("/b/big")).timeout(Duration.ofSeconds(10))
                    .build();
            assertThatThrownBy(() -> client.send(r, HttpResponse.BodyHandlers.ofInputStream()).body().readAllBytes())
                    .isInstanceOf(IOException.class);
            assertThat(received).containsExactly("GET /b/big ");
            assertThat(proxy.exchanges()).extracting(e -> e.fault() + " " + e.status())
                    .containsExactly("RESET_RESPONSE_BODY 200");
            assertThat(send(proxy, "GET", "/b/big", null).body()).hasSize("answer to /b/big ".length() * 100);
        }
    }

    @Test
    void resetResponseBody_withCutAfterBytes_forwardsThatManyBodyBytesThenResets() throws Exception {
        FaultPlan plan = FaultPlan.nth(r -> r.method().equals("GET"), 1, Fault.RESET_RESPONSE_BODY)
                .withStall(Duration.ofMillis(1)).withCutAfterBytes(17);
        assertThat(plan.cutAfterBytes()).isEqualTo(17);
        assertThat(plan.stall()).isEqualTo(Duration.ofMillis(1));
        try (FaultProxy proxy = FaultProxy.start(server.getAddress().getPort(), plan);
             java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            socket.getOutputStream()
                    .write("GET /b/big HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String received = new String(readUntilReset(socket.getInputStream()), StandardCharsets.ISO_8859_1);
            String body = received.substring(received.indexOf("\r\n\r\n") + 4);
            assertThat(body).isEqualTo("answer to /b/big ");
            assertThat(proxy.exchanges()).extracting(e -> e.fault()).containsExactly(Fault.RESET_RESPONSE_BODY);
        }
    }

    /** The bytes a socket receives until its peer closes or resets it. */
    private static byte[] readUntilReset(InputStream in) {
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[1];
        try {
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                got.write(buf, 0, n);
            }
        } catch (IOException reset) {
            // the reset ends the response; what arrived before it is in got
        }
        return got.toByteArray();
    }

    @Test
    void stall_holdsTheRequestThenForwardsIt() throws Exception {
        FaultPlan plan = FaultPlan.nth(r -> true, 1, Fault.STALL).withStall(Duration.ofMillis(300));
        try (FaultProxy proxy = FaultProxy.start(server.getAddress().getPort(), plan)) {
            long start = System.nanoTime();
            assertThat(send(proxy, "GET", "/b/k", null).statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(received).hasSize(1);
        }
    }

    @Test
    void seeded_givesAtMostMaxFaultsAndRepeatsForTheSameSeed() {
        ProxiedRequest r = new ProxiedRequest(1, "GET", "/b/k", java.util.Map.of());
        List<Fault> kinds = List.of(Fault.ERROR_500, Fault.DROP_RESPONSE);
        FaultPlan a = FaultPlan.seeded(7, 0.5, 3, kinds, x -> true);
        FaultPlan b = FaultPlan.seeded(7, 0.5, 3, kinds, x -> true);
        List<Fault> first = new java.util.ArrayList<>();
        List<Fault> second = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            first.add(a.faultFor(r));
            second.add(b.faultFor(r));
        }
        assertThat(first).isEqualTo(second);
        assertThat(first.stream().filter(f -> f != Fault.NONE)).hasSize(3);
    }

    @Test
    void s3Operation_tellsRequestsApart() {
        assertThat(op("PUT", "/b/k")).isEqualTo(S3Operation.PUT_OBJECT);
        assertThat(op("PUT", "/b/k?partNumber=1&uploadId=u")).isEqualTo(S3Operation.UPLOAD_PART);
        assertThat(op("POST", "/b/k?uploads")).isEqualTo(S3Operation.CREATE_MULTIPART_UPLOAD);
        assertThat(op("POST", "/b/k?uploadId=u")).isEqualTo(S3Operation.COMPLETE_MULTIPART_UPLOAD);
        assertThat(op("DELETE", "/b/k?uploadId=u")).isEqualTo(S3Operation.ABORT_MULTIPART_UPLOAD);
        assertThat(op("GET", "/b?uploads&prefix=p")).isEqualTo(S3Operation.LIST_MULTIPART_UPLOADS);
        assertThat(op("GET", "/b?list-type=2&prefix=p")).isEqualTo(S3Operation.LIST_OBJECTS);
        assertThat(op("GET", "/b/dir/k.csv")).isEqualTo(S3Operation.GET_OBJECT);
        assertThat(op("HEAD", "/b/k")).isEqualTo(S3Operation.HEAD_OBJECT);
        assertThat(op("DELETE", "/b/k")).isEqualTo(S3Operation.DELETE_OBJECT);
    }

    private static S3Operation op(String method, String target) {
        return S3Operation.of(new ProxiedRequest(1, method, target, java.util.Map.of()));
    }
}
