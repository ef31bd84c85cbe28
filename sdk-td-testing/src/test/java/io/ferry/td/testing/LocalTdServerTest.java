package io.ferry.td.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/** The server's own contract, spoken to over plain HTTP. */
class LocalTdServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @RegisterExtension
    static final LocalTdServerExtension TD = new LocalTdServerExtension();

    private static HttpResponse<String> send(String method, String path, String key, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TD.server().endpoint() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            b.header("Authorization", "TD1 " + key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] msgpackGz(long... times) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MessagePacker p = MessagePack.newDefaultPacker(new GZIPOutputStream(out))) {
            for (long t : times) {
                p.packMapHeader(2).packString("time").packLong(t).packString("v").packString("x" + t);
            }
        }
        return out.toByteArray();
    }

    @Test
    void bindsToLoopback() {
        assertThat(TD.server().uri().getHost()).isEqualTo("127.0.0.1");
        assertThat(TD.server().uri().getPort()).isPositive();
    }

    @Test
    void missingOrUnknownKey_is401() throws Exception {
        assertThat(send("GET", "/v3/database/list", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/v3/database/list", "1/unknown", null).statusCode()).isEqualTo(401);
    }

    @Test
    void databaseAndTableLifecycle_withListings() throws Exception {
        String k = LocalTdServer.MASTER_KEY;
        assertThat(send("POST", "/v3/database/create/life_db", k, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/v3/database/create/life_db", k, null).statusCode()).isEqualTo(409);
        assertThat(send("POST", "/v3/table/create/life_db/aaa/log", k, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/v3/table/create/life_db/bbb/log", k, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/v3/table/create/life_db/aaa/log", k, null).statusCode()).isEqualTo(409);
        assertThat(send("POST", "/v3/table/create/nodb_here/aaa/log", k, null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/v3/table/create/life_db/Bad-Name/log", k, null).statusCode()).isEqualTo(400);
        assertThat(send("PUT", "/v3/table/import/life_db/aaa/msgpack.gz", k, msgpackGz(1, 2)).statusCode())
                .isEqualTo(200);

        assertThat(send("GET", "/v3/database/list", k, null).body()).contains("{\"name\":\"life_db\",\"count\":2}");
        assertThat(send("GET", "/v3/table/list/life_db", k, null).body())
                .contains("\"database\":\"life_db\"")
                .contains("{\"name\":\"aaa\",\"type\":\"log\",\"count\":2}")
                .contains("{\"name\":\"bbb\",\"type\":\"log\",\"count\":0}");

        assertThat(send("POST", "/v3/table/swap/life_db/aaa/bbb", k, null).statusCode()).isEqualTo(200);
        assertThat(TD.server().rows("life_db", "aaa")).isEmpty();
        assertThat(TD.server().rows("life_db", "bbb")).containsExactly(Map.of("time", 1L, "v", "x1"), Map.of("time", 2L, "v", "x2"));
        assertThat(send("POST", "/v3/table/delete/life_db/aaa", k, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/v3/table/delete/life_db/aaa", k, null).statusCode()).isEqualTo(404);
        assertThat(TD.server().tables("life_db")).containsExactly("bbb");
    }

    @Test
    void importWithId_storesAnIdOnce() throws Exception {
        TD.server().createDatabase("dedup_db");
        send("POST", "/v3/table/create/dedup_db/events/log", LocalTdServer.WRITE_ONLY_KEY, null);
        byte[] body = msgpackGz(10, 11, 12);

        for (int i = 0; i < 3; i++) {
            assertThat(send("PUT", "/v3/table/import_with_id/dedup_db/events/abc123/msgpack.gz",
                    LocalTdServer.WRITE_ONLY_KEY, body).statusCode()).isEqualTo(200);
        }
        send("PUT", "/v3/table/import_with_id/dedup_db/events/other/msgpack.gz", LocalTdServer.WRITE_ONLY_KEY, body);

        assertThat(TD.server().rows("dedup_db", "events")).hasSize(6);
    }

    @Test
    void writeOnlyKey_mayNotListDeleteOrSwap() throws Exception {
        TD.server().createDatabase("wo_db");
        String k = LocalTdServer.WRITE_ONLY_KEY;
        send("POST", "/v3/table/create/wo_db/aaa/log", k, null);
        send("POST", "/v3/table/create/wo_db/bbb/log", k, null);

        assertThat(List.of(
                send("GET", "/v3/database/list", k, null).statusCode(),
                send("GET", "/v3/table/list/wo_db", k, null).statusCode(),
                send("POST", "/v3/table/delete/wo_db/aaa", k, null).statusCode(),
                send("POST", "/v3/table/swap/wo_db/aaa/bbb", k, null).statusCode()))
                .containsOnly(403);
        assertThat(TD.server().tables("wo_db")).containsExactly("aaa", "bbb");
    }

    @Test
    void rowWithoutIntegerTime_is400() throws Exception {
        TD.server().createDatabase("bad_db");
        send("POST", "/v3/table/create/bad_db/events/log", LocalTdServer.MASTER_KEY, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MessagePacker p = MessagePack.newDefaultPacker(new GZIPOutputStream(out))) {
            p.packMapHeader(1).packString("time").packString("yesterday");
        }

        HttpResponse<String> r = send("PUT", "/v3/table/import/bad_db/events/msgpack.gz", LocalTdServer.MASTER_KEY,
                out.toByteArray());

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("row 1 has no integer 'time'");
        assertThat(TD.server().rows("bad_db", "events")).isEmpty();
    }

    @Test
    void requests_areLoggedWithoutKeys() throws Exception {
        send("GET", "/v3/database/list", LocalTdServer.MASTER_KEY, null);

        assertThat(TD.server().requests()).contains("GET /v3/database/list")
                .noneMatch(l -> l.contains(LocalTdServer.MASTER_KEY));
    }
}
