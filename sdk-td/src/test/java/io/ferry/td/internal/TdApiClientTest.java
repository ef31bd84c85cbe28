package io.ferry.td.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryIoException;
import io.ferry.td.testing.Fault;
import io.ferry.td.testing.LocalTdServer;
import io.ferry.td.testing.LocalTdServerExtension;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TdApiClientTest {
    @RegisterExtension
    static final LocalTdServerExtension TD = new LocalTdServerExtension();
    private final List<Duration> waits = new ArrayList<>();

    @BeforeAll
    static void start() {
        TD.server().createDatabase("apidb");
    }

    private TdApiClient client(String key, int attempts) {
        return client(key, attempts, Clock.systemUTC());
    }

    private TdApiClient client(String key, int attempts, Clock clock) {
        return new TdApiClient(HttpClient.newHttpClient(), TD.server().uri(), ApiKey.of(key, "apiKey"), Duration.ofSeconds(10),
                new RetryPolicy(attempts, Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.0), waits::add, clock);
    }

    @Test
    void tooManyRequests_waitsForRetryAfter() {
        TD.server().injectFault("POST /v3/table/create/apidb/t429", 1, Fault.tooManyRequests(7));

        boolean created = client(LocalTdServer.MASTER_KEY, 3).createTable("apidb", "t429");

        assertThat(created).isTrue();
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void tooManyRequests_retryAfterAsADate_isMeasuredFromTheGivenClock() {
        Instant now = Instant.parse("2031-05-06T07:08:09Z");
        TD.server().injectFault("POST /v3/table/create/apidb/t429date", 1, Fault.tooManyRequestsUntil(now.plusSeconds(42)));

        boolean created = client(LocalTdServer.MASTER_KEY, 3, Clock.fixed(now, ZoneOffset.UTC))
                .createTable("apidb", "t429date");

        assertThat(created).isTrue();
        assertThat(waits).containsExactly(Duration.ofSeconds(42));
    }

    @Test
    void serverErrors_waitWithExponentialBackoff() {
        for (int i = 0; i < 3; i++) {
            TD.server().injectFault("POST /v3/table/create/apidb/t500", 1, Fault.status(500));
        }

        client(LocalTdServer.MASTER_KEY, 4).createTable("apidb", "t500");

        // jitter fixed at its low end: half of 100, 200, 400 ms
        assertThat(waits).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void createTable_existing_returnsFalse_andDeleteMissing_returnsFalse() {
        TdApiClient api = client(LocalTdServer.MASTER_KEY, 1);
        api.createTable("apidb", "twice");

        assertThat(api.createTable("apidb", "twice")).isFalse();
        assertThat(api.deleteTable("apidb", "never_created")).isFalse();
        assertThat(api.deleteTable("apidb", "twice")).isTrue();
    }

    @Test
    void createTable_missingDatabase_throws404NamingIt() {
        assertThatThrownBy(() -> client(LocalTdServer.MASTER_KEY, 1).createTable("nodb", "events"))
                .isInstanceOf(TdHttpException.class)
                .hasMessageStartingWith("database 'nodb' does not exist at " + TD.server().endpoint()
                        + " (HTTP 404 on create table nodb.events)")
                .satisfies(e -> assertThat(((TdHttpException) e).status()).isEqualTo(404));
    }

    @Test
    void import_missingTable_throws404NamingIt() {
        assertThatThrownBy(() -> client(LocalTdServer.MASTER_KEY, 1).importWithId("apidb", "gone", "id1", new byte[0]))
                .isInstanceOf(TdHttpException.class)
                .hasMessageStartingWith("table apidb.gone does not exist (was it deleted during the write?)");
    }

    @Test
    void forbidden_namesTheOperation_andMasksTheKey() {
        assertThatThrownBy(() -> client(LocalTdServer.WRITE_ONLY_KEY, 1).deleteTable("apidb", "whatever"))
                .isInstanceOf(TdHttpException.class)
                .hasMessage("the API key **** may not delete table apidb.whatever (HTTP 403): This API key is"
                        + " write-only: it may not do this");
    }

    @Test
    void databaseNames_masterKeyListsThem_writeOnlyKeyGetsEmpty() {
        assertThat(client(LocalTdServer.MASTER_KEY, 1).databaseNames()).hasValueSatisfying(
                names -> assertThat(names).contains("apidb"));
        assertThat(client(LocalTdServer.WRITE_ONLY_KEY, 1).databaseNames()).isEqualTo(Optional.empty());
    }

    @Test
    void clientError_isNotRepeated_andQuotesTheServerMessage() {
        TD.server().injectFault("POST /v3/table/create/apidb/echo", 1, Fault.status(400));

        assertThatThrownBy(() -> client(LocalTdServer.MASTER_KEY, 1).createTable("apidb", "echo"))
                .isInstanceOf(FerryIoException.class)
                .hasMessage("create table apidb.echo at " + TD.server().endpoint() + " failed with HTTP 400: injected fault 400");
        assertThat(waits).isEmpty();
    }
}
