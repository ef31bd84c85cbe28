package io.ferry.td;

import io.ferry.core.FerryConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the Treasure Data REST API is served. Use a region constant, a bare host (HTTPS on port
 * 443, or the port given as {@code host:port}), or a full {@code http://} / {@code https://} URI,
 * which is used as given so local servers work. Immutable and safe to share.
 *
 * <pre>{@code
 * TdEndpoint us = TdEndpoint.US;                               // https://api.treasuredata.com (the default)
 * TdEndpoint tokyo = TdEndpoint.of("api.treasuredata.co.jp");  // https://api.treasuredata.co.jp
 * TdEndpoint local = TdEndpoint.of("http://127.0.0.1:8080");   // a local server, plain HTTP
 * }</pre>
 */
public final class TdEndpoint {
    /** US region: {@code https://api.treasuredata.com}. The default. */
    public static final TdEndpoint US = of("api.treasuredata.com");
    /** Tokyo region: {@code https://api.treasuredata.co.jp}. */
    public static final TdEndpoint TOKYO = of("api.treasuredata.co.jp");
    /** EU01 region (Frankfurt): {@code https://api.eu01.treasuredata.com}. */
    public static final TdEndpoint EU01 = of("api.eu01.treasuredata.com");
    /** Korea region (AP02): {@code https://api.ap02.treasuredata.com}. */
    public static final TdEndpoint KOREA = of("api.ap02.treasuredata.com");

    private final URI uri;

    private TdEndpoint(URI uri) {
        this.uri = uri;
    }

    /**
     * An endpoint from a bare host ({@code api.treasuredata.co.jp}, {@code host:8443}) or a full
     * URI ({@code http://127.0.0.1:8080}, optionally with a path prefix). A trailing slash is
     * ignored.
     *
     * @param hostOrUri a host or a URI
     * @return the endpoint
     * @throws FerryConfigException if the value is empty, has a scheme other than http or https,
     *                              has no host, or carries a user ('@'), query or fragment
     */
    public static TdEndpoint of(String hostOrUri) {
        FerryConfigException.requireNonNull(hostOrUri, "hostOrUri");
        String value = hostOrUri.strip();
        if (value.isEmpty()) {
            throw new FerryConfigException("endpoint",
                    "the endpoint is empty; give a host such as api.treasuredata.com or a URI such as http://127.0.0.1:8080");
        }
        if (value.indexOf('@') >= 0) {
            // not quoted: the part before '@' is likely an API key
            throw new FerryConfigException("endpoint",
                    "the endpoint must not carry a user or key (it contains '@'); pass the API key with apiKey(...)");
        }
        String text = value.contains("://") ? value : "https://" + value;
        URI parsed;
        try {
            parsed = new URI(text);
        } catch (URISyntaxException e) {
            throw new FerryConfigException("endpoint", "'" + value + "' is not a host or URI: " + e.getReason(), e);
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new FerryConfigException("endpoint",
                    "the scheme of '" + value + "' must be https or http, was '" + parsed.getScheme() + "'");
        }
        if (parsed.getHost() == null) {
            throw new FerryConfigException("endpoint",
                    "'" + value + "' has no host; give a host such as api.treasuredata.com");
        }
        if (parsed.getRawQuery() != null || parsed.getRawFragment() != null) {
            throw new FerryConfigException("endpoint",
                    "'" + value + "' must not carry a query or fragment; give only scheme, host, port and path");
        }
        String path = parsed.getRawPath() == null ? "" : parsed.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String port = parsed.getPort() < 0 ? "" : ":" + parsed.getPort();
        return new TdEndpoint(URI.create(scheme + "://" + parsed.getHost() + port + path));
    }

    /** {@return the base URI of the API, without a trailing slash, e.g. {@code https://api.treasuredata.com}} */
    public URI uri() {
        return uri;
    }

    /** {@return the host name, e.g. {@code api.treasuredata.com}} */
    public String host() {
        return uri.getHost();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TdEndpoint e && e.uri.equals(uri);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }

    /** The base URI, e.g. {@code https://api.treasuredata.com}. */
    @Override
    public String toString() {
        return uri.toString();
    }
}
