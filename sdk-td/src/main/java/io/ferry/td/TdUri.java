package io.ferry.td;

import io.ferry.core.FerryConfigException;
import io.ferry.core.Secrets;
import io.ferry.td.internal.ApiKey;
import io.ferry.td.internal.TdNames;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed {@code td://} result-output URI, the form Treasure Data's CLI uses:
 * {@code td://[API_KEY]@[HOST]/DATABASE/TABLE[?mode=append|replace|replace_on_new_data]}.
 * Immutable; its {@link #toString()} prints the key as {@code ****}.
 *
 * <pre>{@code
 * td://@/testdb/output_table               // default key and endpoint, append
 * td://@/testdb/output_table?mode=append   // the same
 * td://@/testdb/output_table?mode=replace  // atomic replace
 * td://1234%2Fabcdef@api.treasuredata.co.jp/testdb/output_table   // key and host given
 * }</pre>
 *
 * An empty key means "the default key" (the {@code TD_API_KEY} environment variable, unless the
 * writer's builder is given one); an empty host means "the default endpoint". A key may be
 * percent-encoded; the {@code /} inside Treasure Data keys may also be written as is.
 */
public final class TdUri {
    private static final String SCHEME = "td://";
    private static final String FORM =
            "td://[API_KEY]@[HOST]/DATABASE/TABLE[?mode=append|replace|replace_on_new_data]";

    private final ApiKey apiKey;
    private final TdEndpoint endpoint;
    private final String database;
    private final String table;
    private final TdWriteMode mode;

    private TdUri(ApiKey apiKey, TdEndpoint endpoint, String database, String table, TdWriteMode mode) {
        this.apiKey = apiKey;
        this.endpoint = endpoint;
        this.database = database;
        this.table = table;
        this.mode = mode;
    }

    /**
     * Parses a {@code td://} URI.
     *
     * @param uri the {@code td://} URI
     * @return the parsed URI
     * @throws FerryConfigException (option {@code uri}) saying what is wrong, quoting the URI with
     *                              its key masked, and showing the expected form
     */
    public static TdUri parse(String uri) {
        if (uri == null) {
            throw new FerryConfigException("uri", "the td:// URI is null; expected " + FORM);
        }
        String text = uri.strip();
        if (!text.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw malformed(text, "it must start with td://");
        }
        String rest = text.substring(SCHEME.length());
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        if (rest.indexOf('#') >= 0) {
            throw malformed(text, "it must not have a fragment (#)");
        }
        String userInfo = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
        }
        // the key first: it registers itself, so no message below can print it
        ApiKey key = null;
        if (userInfo != null && !userInfo.isEmpty()) {
            key = ApiKey.of(percentDecode(text, userInfo), "uri");
        }
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw malformed(text, "the path /DATABASE/TABLE is missing");
        }
        String host = rest.substring(0, slash);
        String[] segments = rest.substring(slash + 1).split("/", -1);
        if (segments.length != 2 || segments[0].isEmpty() || segments[1].isEmpty()) {
            throw malformed(text, "the path must be exactly /DATABASE/TABLE, was '" + rest.substring(slash) + "'");
        }
        String database = checkName(text, segments[0], "database");
        String table = checkName(text, segments[1], "table");
        TdWriteMode mode = parseQuery(text, query);
        TdEndpoint endpoint = null;
        if (!host.isEmpty()) {
            try {
                endpoint = TdEndpoint.of(host);
            } catch (FerryConfigException e) {
                throw malformed(text, "the host '" + host + "' is not valid", e);
            }
        }
        return new TdUri(key, endpoint, database, table, mode);
    }

    /**
     * Parses a {@code td://} URI, or returns empty if it is malformed.
     *
     * @param uri the {@code td://} URI
     * @return the parsed URI, or empty
     */
    public static Optional<TdUri> tryParse(String uri) {
        try {
            return Optional.of(parse(uri));
        } catch (FerryConfigException e) {
            return Optional.empty();
        }
    }

    private static String checkName(String uri, String name, String kind) {
        try {
            return TdNames.check(name, kind, "uri");
        } catch (FerryConfigException e) {
            throw malformed(uri, "the " + kind + " name '" + name + "' is not valid: it must be "
                    + TdNames.MIN_LENGTH + " to " + TdNames.MAX_LENGTH + " characters of a-z, 0-9 and _", e);
        }
    }

    private static TdWriteMode parseQuery(String uri, String query) {
        if (query == null || query.isEmpty()) {
            return TdWriteMode.APPEND;
        }
        TdWriteMode mode = null;
        for (String param : query.split("&", -1)) {
            int eq = param.indexOf('=');
            String name = eq < 0 ? param : param.substring(0, eq);
            if (!name.equals("mode")) {
                throw malformed(uri, "unknown parameter '" + name + "'; the only parameter is mode");
            }
            if (mode != null) {
                throw malformed(uri, "the parameter mode is given twice");
            }
            String value = eq < 0 ? "" : param.substring(eq + 1);
            try {
                mode = TdWriteMode.parse(value);
            } catch (FerryConfigException e) {
                throw malformed(uri, "mode must be append, replace or replace_on_new_data, was '" + value + "'", e);
            }
        }
        return mode;
    }

    private static String percentDecode(String uri, String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw malformed(uri, "the API key has a bad percent-escape; write '%' as %25");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static FerryConfigException malformed(String uri, String reason) {
        return malformed(uri, reason, null);
    }

    private static FerryConfigException malformed(String uri, String reason, Throwable cause) {
        // causes come from name, host and mode checks, whose messages never hold the key
        return new FerryConfigException("uri",
                "malformed td:// URI '" + Secrets.maskUserInfo(uri) + "': " + reason + "; expected " + FORM, cause);
    }

    /** {@return the database named by the path} */
    public String database() {
        return database;
    }

    /** {@return the table named by the path} */
    public String table() {
        return table;
    }

    /** {@return the mode of the {@code mode} parameter; {@link TdWriteMode#APPEND} when absent} */
    public TdWriteMode mode() {
        return mode;
    }

    /** {@return the endpoint named by the host, or empty for the default endpoint} */
    public Optional<TdEndpoint> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /** {@return whether the URI carries an API key (it is never returned; the writer uses it)} */
    public boolean hasApiKey() {
        return apiKey != null;
    }

    ApiKey apiKey() {
        return apiKey;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TdUri u)) {
            return false;
        }
        return Objects.equals(apiKey, u.apiKey) && Objects.equals(endpoint, u.endpoint)
                && database.equals(u.database) && table.equals(u.table) && mode == u.mode;
    }

    @Override
    public int hashCode() {
        return Objects.hash(apiKey, endpoint, database, table, mode);
    }

    /** The URI in canonical form, with the key (if any) printed as {@code ****}. */
    @Override
    public String toString() {
        return SCHEME + (apiKey == null ? "" : Secrets.MASK) + "@" + (endpoint == null ? "" : endpoint.uri().getRawAuthority())
                + "/" + database + "/" + table + "?mode=" + mode.uriValue();
    }
}
