package io.ferry.testkit;

import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as {@link FaultProxy} saw it: its number in arrival order (from 1), method,
 * request target (path and query) and headers (names in lower case).
 */
public record ProxiedRequest(long sequence, String method, String target, Map<String, String> headers) {
    /** Copies the headers. */
    public ProxiedRequest {
        headers = Map.copyOf(headers);
    }

    /** The header's value, or null; {@code name} in any case. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The path without the query. */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** Whether the query has the parameter {@code name} (with or without a value). */
    public boolean hasQueryParameter(String name) {
        int q = target.indexOf('?');
        if (q < 0) {
            return false;
        }
        for (String p : target.substring(q + 1).split("&")) {
            int eq = p.indexOf('=');
            if ((eq < 0 ? p : p.substring(0, eq)).equals(name)) {
                return true;
            }
        }
        return false;
    }
}
