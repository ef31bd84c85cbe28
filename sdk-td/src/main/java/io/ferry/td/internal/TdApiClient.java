package io.ferry.td.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryIoException;
import io.ferry.core.Secrets;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few calls of Treasure Data's REST API v3 that a writer needs, over the JDK's
 * {@link HttpClient}, with retries. Thread-safe. The API key goes only into the
 * {@code Authorization} header; messages and logs print it as {@code ****}.
 */
public final class TdApiClient {
    private static final Logger LOG = LoggerFactory.getLogger(TdApiClient.class);
    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_SERVER_MESSAGE = 300;
    private static final String USER_AGENT = "ferry-sdk-td/0.1";

    private final HttpClient http;
    private final URI base;
    private final ApiKey key;
    private final Duration requestTimeout;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Clock clock;

    /**
     * @param http           the client to send with; not closed by this class
     * @param base           the endpoint, e.g. {@code https://api.treasuredata.com}
     * @param key            the API key
     * @param requestTimeout the longest wait for one answer
     * @param retry          when to repeat failed calls
     * @param sleeper        waits between attempts
     * @param clock          the time an HTTP-date {@code Retry-After} is measured from
     */
    public TdApiClient(HttpClient http, URI base, ApiKey key, Duration requestTimeout, RetryPolicy retry,
                       Sleeper sleeper, Clock clock) {
        this.http = FerryConfigException.requireNonNull(http, "http");
        this.base = FerryConfigException.requireNonNull(base, "base");
        this.key = FerryConfigException.requireNonNull(key, "key");
        this.requestTimeout = FerryConfigException.requireNonNull(requestTimeout, "requestTimeout");
        this.retry = FerryConfigException.requireNonNull(retry, "retry");
        this.sleeper = FerryConfigException.requireNonNull(sleeper, "sleeper");
        this.clock = FerryConfigException.requireNonNull(clock, "clock");
    }

    /** The endpoint this client calls. */
    public URI base() {
        return base;
    }

    /** {@code POST /v3/database/create/{db}}; a database that already exists is fine. */
    public void createDatabase(String db) {
        call(Call.post("/v3/database/create/" + db, "create database '" + db + "'")
                .accept(409).notFound("database '" + db + "' cannot be created here"));
    }

    /**
     * {@code POST /v3/table/create/{db}/{table}/log}.
     *
     * @return true if created, false if it already existed
     * @throws TdHttpException with status 404 when the database does not exist
     */
    public boolean createTable(String db, String table) {
        int status = call(Call.post("/v3/table/create/" + db + "/" + table + "/log",
                        "create table " + db + "." + table)
                .accept(409).notFound("database '" + db + "' does not exist")).status();
        return status != 409;
    }

    /**
     * {@code POST /v3/table/delete/{db}/{table}}.
     *
     * @return true if deleted, false if there was no such table
     */
    public boolean deleteTable(String db, String table) {
        return call(Call.post("/v3/table/delete/" + db + "/" + table, "delete table " + db + "." + table)
                .accept(404)).status() != 404;
    }

    /**
     * {@code POST /v3/table/swap/{db}/{table1}/{table2}}: exchanges the two tables' contents.
     * Not idempotent, so it is repeated only when the server surely did not act (429, or no
     * connection could be made).
     */
    public void swapTables(String db, String table1, String table2) {
        call(Call.post("/v3/table/swap/" + db + "/" + table1 + "/" + table2,
                        "swap tables " + db + "." + table1 + " and " + db + "." + table2)
                .notIdempotent().notFound("table " + db + "." + table1 + " or " + db + "." + table2 + " does not exist"));
    }

    /**
     * {@code PUT /v3/table/import_with_id/{db}/{table}/{id}/msgpack.gz}: imports gzip-compressed,
     * concatenated msgpack rows. The server imports an id once, so repeating is safe.
     */
    public void importWithId(String db, String table, String uniqueId, byte[] msgpackGz) {
        call(Call.put("/v3/table/import_with_id/" + db + "/" + table + "/" + uniqueId + "/msgpack.gz",
                        "import " + msgpackGz.length + " bytes into " + db + "." + table, msgpackGz)
                .notFound("table " + db + "." + table + " does not exist (was it deleted during the write?)"));
    }

    /**
     * {@code GET /v3/database/list}: the names of the databases this key may see, or empty when
     * the key may not list them. Used only to make error messages more helpful.
     */
    public Optional<List<String>> databaseNames() {
        try {
            Response r = call(Call.get("/v3/database/list", "list databases"));
            return Optional.of(namesIn(r.body(), "databases"));
        } catch (FerryIoException e) {
            LOG.debug("cannot list databases: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private Response call(Call c) {
        URI uri = URI.create(base + c.path);
        int attempt = 0;
        while (true) {
            attempt++;
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(requestTimeout)
                    .header("Authorization", key.authorization())
                    .header("User-Agent", USER_AGENT)
                    .header("Content-Type", c.body == null ? "application/json" : "application/octet-stream")
                    .method(c.method, c.body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(c.body))
                    .build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                boolean notSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
                if ((c.idempotent || notSent) && retry.allowsAnotherAttempt(attempt)) {
                    Duration delay = retry.delayAfter(attempt, Optional.empty());
                    LOG.warn("{} failed ({}); retrying in {} ms (attempt {} of {})", c.what, describe(e),
                            delay.toMillis(), attempt + 1, retry.maxAttempts());
                    sleep(delay, c);
                    continue;
                }
                throw new FerryIoException(c.what + " at " + base + " failed after " + attempt + " attempt(s): "
                        + describe(e) + (c.idempotent ? "" : "; the outcome is unknown"), e, true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FerryIoException(c.what + " was interrupted", e, false);
            }
            int status = response.statusCode();
            LOG.debug("{} {} -> {}", c.method, c.path, status);
            if ((status >= 200 && status < 300) || c.accepted.contains(status)) {
                return new Response(status, response.body());
            }
            boolean retryable = status == 429 || (c.idempotent && RetryPolicy.isRetryableStatus(status));
            if (retryable && retry.allowsAnotherAttempt(attempt)) {
                Optional<Duration> retryAfter = RetryPolicy.parseRetryAfter(
                        response.headers().firstValue("Retry-After").orElse(null), clock.instant());
                Duration delay = retry.delayAfter(attempt, retryAfter);
                LOG.warn("{} answered HTTP {}; retrying in {} ms (attempt {} of {})", c.what, status,
                        delay.toMillis(), attempt + 1, retry.maxAttempts());
                sleep(delay, c);
                continue;
            }
            throw failure(c, status, serverMessage(response.body()), attempt);
        }
    }

    private TdHttpException failure(Call c, int status, String serverMessage, int attempts) {
        String detail = serverMessage.isEmpty() ? "" : ": " + serverMessage;
        return switch (status) {
            case 401 -> new TdHttpException("Treasure Data rejected the API key " + Secrets.MASK + " (HTTP 401) on "
                    + c.what + " at " + base + detail + "; check apiKey or TD_API_KEY, and that the endpoint"
                    + " is the key's region (US, TOKYO, EU01, KOREA)", status);
            case 403 -> new TdHttpException("the API key " + Secrets.MASK + " may not " + c.what + " (HTTP 403)"
                    + detail, status);
            case 404 -> new TdHttpException(c.notFound == null
                    ? c.what + " failed: not found (HTTP 404)" + detail
                    : c.notFound + " at " + base + " (HTTP 404 on " + c.what + ")" + detail, status);
            default -> new TdHttpException(c.what + " at " + base + " failed with HTTP " + status
                    + (attempts > 1 ? " after " + attempts + " attempts" : "")
                    + (c.idempotent || !RetryPolicy.isRetryableStatus(status) ? "" : "; the outcome is unknown")
                    + detail, status);
        };
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return Secrets.redact(e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m));
    }

    private void sleep(Duration delay, Call c) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryIoException(c.what + " was interrupted while waiting to retry", e, false);
        }
    }

    /** The "message" (or "error") of a JSON error reply, shortened; empty when there is none. */
    private String serverMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String found = null;
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if (value == JsonToken.VALUE_STRING && (field.equals("message")
                            || (field.equals("error") && found == null))) {
                        found = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            found = body;
        }
        if (found == null) {
            return "";
        }
        String redacted = key.redact(found.strip());
        return redacted.length() > MAX_SERVER_MESSAGE ? redacted.substring(0, MAX_SERVER_MESSAGE) + "..." : redacted;
    }

    private static List<String> namesIn(String body, String arrayField) {
        List<String> names = new ArrayList<>();
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return names;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals(arrayField) && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String f = p.currentName();
                            JsonToken v = p.nextToken();
                            if (f.equals("name") && v == JsonToken.VALUE_STRING) {
                                names.add(p.getText());
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new FerryIoException("cannot read the answer of the Treasure Data API: " + e.getMessage(), e, false);
        }
        return names;
    }

    private record Response(int status, String body) {
    }

    private static final class Call {
        final String method;
        final String path;
        final String what;
        final byte[] body;
        final List<Integer> accepted = new ArrayList<>();
        boolean idempotent = true;
        String notFound;

        private Call(String method, String path, String what, byte[] body) {
            this.method = method;
            this.path = path;
            this.what = what;
            this.body = body;
        }

        static Call get(String path, String what) {
            return new Call("GET", path, what, null);
        }

        static Call post(String path, String what) {
            return new Call("POST", path, what, null);
        }

        static Call put(String path, String what, byte[] body) {
            return new Call("PUT", path, what, body);
        }

        Call accept(int status) {
            accepted.add(status);
            return this;
        }

        Call notIdempotent() {
            idempotent = false;
            return this;
        }

        Call notFound(String message) {
            notFound = message;
            return this;
        }
    }
}
