package io.ferry.td.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ferry.td.testing.TdCatalog.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local Treasure Data REST API v3 server for tests and samples, on the JDK's
 * {@link HttpServer}, bound to 127.0.0.1 on a free port. It keeps databases and tables in memory
 * with real semantics:
 * <ul>
 *   <li>every request needs {@code Authorization: TD1 <key>} with {@link #MASTER_KEY} or
 *       {@link #WRITE_ONLY_KEY} (else 401); the write-only key may create databases and tables and
 *       import, but not list, delete or swap (403);</li>
 *   <li>{@code POST /v3/database/create/{db}}, {@code GET /v3/database/list},
 *       {@code POST /v3/table/create/{db}/{table}/log}, {@code GET /v3/table/list/{db}},
 *       {@code POST /v3/table/delete/{db}/{table}}, {@code POST /v3/table/swap/{db}/{t1}/{t2}}:
 *       404 for a missing database or table, 409 for one that exists, 400 for a bad name;</li>
 *   <li>{@code PUT /v3/table/import/{db}/{table}/msgpack.gz} and
 *       {@code PUT /v3/table/import_with_id/{db}/{table}/{id}/msgpack.gz} decode the gzip'd,
 *       concatenated msgpack maps into stored rows (400 for a row without an integer
 *       {@code time}); an id already imported into the table is acknowledged and not stored
 *       again;</li>
 *   <li>faults on demand: {@link #injectFault(String, int, Fault)}.</li>
 * </ul>
 * Rows read back as maps of Java values: Long, Double, String, Boolean, byte[], List, Map, null.
 * Thread-safe. Threads are daemons; {@link #close()} stops the server.
 *
 * <pre>{@code
 * try (LocalTdServer td = LocalTdServer.start()) {
 *     td.createDatabase("testdb");
 *     TdWriter w = TdWriter.builder().endpoint(td.endpoint()).apiKey(LocalTdServer.MASTER_KEY)
 *         .database("testdb").table("events").build();
 *     w.write(schema, records);
 *     List<Map<String, Object>> rows = td.rows("testdb", "events");
 * }
 * }</pre>
 */
public final class LocalTdServer implements AutoCloseable {
    /** A key allowed everything. Shaped like a real key: account id, slash, secret. */
    public static final String MASTER_KEY = "1/0123456789abcdef0123456789abcdef01234567";
    /** A key that may create and import, but not list, delete or swap. */
    public static final String WRITE_ONLY_KEY = "1/fedcba9876543210fedcba9876543210fedcba98";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Object lock = new Object();
    private final TdCatalog catalog = new TdCatalog();
    private final List<String> requests = new ArrayList<>();
    private final List<PendingFault> faults = new ArrayList<>();

    private LocalTdServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "local-td-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts a server on 127.0.0.1 and a free port.
     *
     * @return the running server
     */
    public static LocalTdServer start() {
        try {
            return new LocalTdServer();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local Treasure Data server", e);
        }
    }

    /** {@return the base URI, e.g. {@code http://127.0.0.1:41234}; give it to {@code TdWriterBuilder.endpoint}} */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@return the base URI as a {@link URI}} */
    public URI uri() {
        return URI.create(endpoint());
    }

    /**
     * Creates a database unless it exists.
     *
     * @param db the database name
     */
    public void createDatabase(String db) {
        catalog.ensureDatabase(db);
    }

    /** {@return the names of the databases} */
    public Set<String> databases() {
        return catalog.databases();
    }

    /**
     * The names of the tables of a database; empty if it does not exist.
     *
     * @param db the database name
     * @return the table names
     */
    public Set<String> tables(String db) {
        return catalog.tables(db);
    }

    /**
     * The stored rows of a table, in import order (a copy).
     *
     * @param db the database name
     * @param table the table name
     * @return the rows
     * @throws IllegalArgumentException if there is no such table
     */
    public List<Map<String, Object>> rows(String db, String table) {
        return catalog.rows(db, table);
    }

    /**
     * Every request so far as {@code METHOD /path} (never the key), in order.
     *
     * @return the requests, in order
     */
    public List<String> requests() {
        synchronized (lock) {
            return List.copyOf(requests);
        }
    }

    /**
     * Makes the {@code nth} (1-based, counted from now) request whose {@code METHOD /path}
     * starts with {@code requestPrefix} fail with {@code fault}. Use "" for any request.
     *
     * @param requestPrefix the start of {@code METHOD /path} of the requests to match
     * @param nth which matching request fails, 1-based
     * @param fault how it fails
     */
    public void injectFault(String requestPrefix, int nth, Fault fault) {
        if (nth < 1) {
            throw new IllegalArgumentException("nth must be at least 1, was " + nth);
        }
        synchronized (lock) {
            faults.add(new PendingFault(requestPrefix, nth, fault));
        }
    }

    /** Stops the server at once. Safe to call twice. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = readAll(ex.getRequestBody());
            String path = ex.getRequestURI().getRawPath();
            String line = ex.getRequestMethod() + " " + path;
            Fault fault;
            synchronized (lock) {
                requests.add(line);
                fault = takeFault(line);
            }
            if (fault != null && !fault.afterHandling) {
                fault.apply(ex);
                return;
            }
            Reply reply = route(ex.getRequestMethod(), path, ex.getRequestHeaders().getFirst("Authorization"), body);
            if (fault != null) {
                fault.apply(ex);
                return;
            }
            byte[] json = reply.json.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(reply.status, json.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(json);
            }
        }
    }

    private Fault takeFault(String line) {
        for (int i = 0; i < faults.size(); i++) {
            PendingFault f = faults.get(i);
            if (line.startsWith(f.prefix) && --f.remaining == 0) {
                faults.remove(i);
                return f.fault;
            }
        }
        return null;
    }

    private Reply route(String method, String path, String authorization, byte[] body) {
        boolean master = ("TD1 " + MASTER_KEY).equals(authorization);
        if (!master && !("TD1 " + WRITE_ONLY_KEY).equals(authorization)) {
            return Reply.error(401, "Authentication failed: the API key is missing or not valid");
        }
        String[] p = path.split("/");
        // p[0] is "" and p[1] is "v3"
        if (p.length < 4 || !p[1].equals("v3")) {
            return notFound(method, path);
        }
        boolean forbidden = !master;
        switch (method + " " + p[2] + "/" + p[3] + "/" + p.length) {
            case "GET database/list/4":
                return forbidden ? writeOnly() : catalog.listDatabases();
            case "POST database/create/5":
                return catalog.createDatabase(p[4]);
            case "POST table/create/7":
                return p[6].equals("log") ? catalog.createTable(p[4], p[5]) : notFound(method, path);
            case "GET table/list/5":
                return forbidden ? writeOnly() : catalog.listTables(p[4]);
            case "POST table/delete/6":
                return forbidden ? writeOnly() : catalog.deleteTable(p[4], p[5]);
            case "POST table/swap/7":
                return forbidden ? writeOnly() : catalog.swap(p[4], p[5], p[6]);
            case "PUT table/import/7":
                return p[6].equals("msgpack.gz") ? catalog.importRows(p[4], p[5], null, body) : notFound(method, path);
            case "PUT table/import_with_id/8":
                return p[7].equals("msgpack.gz") ? catalog.importRows(p[4], p[5], p[6], body) : notFound(method, path);
            default:
                return notFound(method, path);
        }
    }

    private static Reply notFound(String method, String path) {
        return Reply.error(404, "Resource not found: " + method + " " + path);
    }

    private static Reply writeOnly() {
        return Reply.error(403, "This API key is write-only: it may not do this");
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private static final class PendingFault {
        final String prefix;
        int remaining;
        final Fault fault;

        PendingFault(String prefix, int remaining, Fault fault) {
            this.prefix = prefix;
            this.remaining = remaining;
            this.fault = fault;
        }
    }
}
