package io.ferry.td.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A failure {@link LocalTdServer} plays instead of its answer: an error status, a 429 with
 * {@code Retry-After}, or a connection closed without any answer. By default the request is not
 * handled; {@link #afterHandling()} handles it first (an import is stored) and then fails, as when
 * a server acts but its answer is lost. Immutable.
 */
public final class Fault {
    private final int status;
    /** The Retry-After header's value, or null for none. */
    private final String retryAfter;
    final boolean afterHandling;

    private Fault(int status, String retryAfter, boolean afterHandling) {
        this.status = status;
        this.retryAfter = retryAfter;
        this.afterHandling = afterHandling;
    }

    /**
     * Answers with this status (e.g. 500, 503) and a JSON error body.
     *
     * @param status the HTTP status code
     * @return the fault
     */
    public static Fault status(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a fault status must be 4xx or 5xx, was " + status);
        }
        return new Fault(status, null, false);
    }

    /**
     * Answers 429 Too Many Requests with {@code Retry-After: seconds}.
     *
     * @param retryAfterSeconds the seconds in the {@code Retry-After} header
     * @return the fault
     */
    public static Fault tooManyRequests(int retryAfterSeconds) {
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative, was " + retryAfterSeconds);
        }
        return new Fault(429, Integer.toString(retryAfterSeconds), false);
    }

    /**
     * Answers 429 Too Many Requests with {@code Retry-After} as an HTTP date: wait until {@code at}.
     *
     * @param at the time in the {@code Retry-After} header
     * @return the fault
     */
    public static Fault tooManyRequestsUntil(Instant at) {
        Objects.requireNonNull(at, "at");
        return new Fault(429, DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC)), false);
    }

    /**
     * Closes the connection without answering.
     *
     * @return the fault
     */
    public static Fault dropConnection() {
        return new Fault(0, null, false);
    }

    /** {@return the same fault, played after the request was handled (its effect is kept)} */
    public Fault afterHandling() {
        return new Fault(status, retryAfter, true);
    }

    void apply(HttpExchange ex) throws IOException {
        if (status == 0) {
            // closing an exchange before its headers are sent closes the connection
            ex.close();
            return;
        }
        if (retryAfter != null) {
            ex.getResponseHeaders().set("Retry-After", retryAfter);
        }
        byte[] body = ("{\"error\":\"injected fault\",\"message\":\"injected fault " + status + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public String toString() {
        String what = status == 0 ? "dropped connection"
                : status == 429 ? "429 Retry-After " + retryAfter : "HTTP " + status;
        return afterHandling ? what + " after handling" : what;
    }
}
