package io.ferry.td.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

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

    private static final Pattern NAME = Pattern.compile("^[a-z0-9_]{3,256}$");
    private static final JsonFactory JSON = new JsonFactory();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Object lock = new Object();
    private final Map<String, Map<String, Table>> databases = new TreeMap<>();
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

    /** Starts a server on 127.0.0.1 and a free port. */
    public static LocalTdServer start() {
        try {
            return new LocalTdServer();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local Treasure Data server", e);
        }
    }

    /** The base URI, e.g. {@code http://127.0.0.1:41234}; give it to {@code TdWriter.Builder.endpoint}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The base URI as a {@link URI}. */
    public URI uri() {
        return URI.create(endpoint());
    }

    /** Creates a database unless it exists. */
    public void createDatabase(String db) {
        synchronized (lock) {
            databases.computeIfAbsent(db, k -> new TreeMap<>());
        }
    }

    /** The names of the databases. */
    public Set<String> databases() {
        synchronized (lock) {
            return new TreeSet<>(databases.keySet());
        }
    }

    /** The names of the tables of a database; empty if it does not exist. */
    public Set<String> tables(String db) {
        synchronized (lock) {
            Map<String, Table> tables = databases.get(db);
            return tables == null ? Set.of() : new TreeSet<>(tables.keySet());
        }
    }

    /**
     * The stored rows of a table, in import order (a copy).
     *
     * @throws IllegalArgumentException if there is no such table
     */
    public List<Map<String, Object>> rows(String db, String table) {
        synchronized (lock) {
            Table t = databases.getOrDefault(db, Map.of()).get(table);
            if (t == null) {
                throw new IllegalArgumentException("no table " + db + "." + table + "; tables: " + tables(db));
            }
            return Collections.unmodifiableList(new ArrayList<>(t.rows));
        }
    }

    /** Every request so far as {@code METHOD /path} (never the key), in order. */
    public List<String> requests() {
        synchronized (lock) {
            return List.copyOf(requests);
        }
    }

    /**
     * Makes the {@code nth} (1-based, counted from now) request whose {@code METHOD /path}
     * starts with {@code requestPrefix} fail with {@code fault}. Use "" for any request.
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
            return Reply.error(404, "Resource not found: " + path);
        }
        String op = p[2] + "/" + p[3];
        synchronized (lock) {
            switch (method + " " + op) {
                case "GET database/list":
                    return master && p.length == 4 ? listDatabases() : forbiddenOrNotFound(master, path);
                case "POST database/create":
                    return p.length == 5 ? createDatabaseReply(p[4]) : Reply.error(404, "Resource not found: " + path);
                case "POST table/create":
                    return p.length == 7 && p[6].equals("log") ? createTable(p[4], p[5])
                            : Reply.error(404, "Resource not found: " + path);
                case "GET table/list":
                    return master && p.length == 5 ? listTables(p[4]) : forbiddenOrNotFound(master, path);
                case "POST table/delete":
                    return master && p.length == 6 ? deleteTable(p[4], p[5]) : forbiddenOrNotFound(master, path);
                case "POST table/swap":
                    return master && p.length == 7 ? swap(p[4], p[5], p[6]) : forbiddenOrNotFound(master, path);
                case "PUT table/import":
                    return p.length == 7 && p[6].equals("msgpack.gz") ? importRows(p[4], p[5], null, body)
                            : Reply.error(404, "Resource not found: " + path);
                case "PUT table/import_with_id":
                    return p.length == 8 && p[7].equals("msgpack.gz") ? importRows(p[4], p[5], p[6], body)
                            : Reply.error(404, "Resource not found: " + path);
                default:
                    return Reply.error(404, "Resource not found: " + method + " " + path);
            }
        }
    }

    private static Reply forbiddenOrNotFound(boolean master, String path) {
        return master ? Reply.error(404, "Resource not found: " + path)
                : Reply.error(403, "This API key is write-only: it may not do this");
    }

    private Reply listDatabases() {
        List<Map<String, Object>> list = new ArrayList<>();
        databases.forEach((name, tables) -> list.add(ordered("name", name, "count", (long) tables.size())));
        return Reply.ok(ordered("databases", list));
    }

    private Reply createDatabaseReply(String db) {
        if (!NAME.matcher(db).matches()) {
            return Reply.error(400, "Name must be 3 to 256 characters of a-z, 0-9 and _: '" + db + "'");
        }
        if (databases.containsKey(db)) {
            return Reply.error(409, "Database " + db + " already exists");
        }
        databases.put(db, new TreeMap<>());
        return Reply.ok(ordered("database", db));
    }

    private Reply createTable(String db, String table) {
        Map<String, Table> tables = databases.get(db);
        if (tables == null) {
            return Reply.error(404, "Database '" + db + "' does not exist");
        }
        if (!NAME.matcher(table).matches()) {
            return Reply.error(400, "Name must be 3 to 256 characters of a-z, 0-9 and _: '" + table + "'");
        }
        if (tables.containsKey(table)) {
            return Reply.error(409, "Table " + table + " already exists");
        }
        tables.put(table, new Table());
        return Reply.ok(ordered("database", db, "table", table, "type", "log"));
    }

    private Reply listTables(String db) {
        Map<String, Table> tables = databases.get(db);
        if (tables == null) {
            return Reply.error(404, "Database '" + db + "' does not exist");
        }
        List<Map<String, Object>> list = new ArrayList<>();
        tables.forEach((name, t) -> list.add(ordered("name", name, "type", "log", "count", (long) t.rows.size())));
        return Reply.ok(ordered("database", db, "tables", list));
    }

    private Reply deleteTable(String db, String table) {
        Map<String, Table> tables = databases.get(db);
        if (tables == null || tables.remove(table) == null) {
            return Reply.error(404, "Table '" + db + "." + table + "' does not exist");
        }
        return Reply.ok(ordered("database", db, "table", table, "type", "log"));
    }

    private Reply swap(String db, String a, String b) {
        Map<String, Table> tables = databases.get(db);
        if (tables == null || !tables.containsKey(a) || !tables.containsKey(b)) {
            return Reply.error(404, "Table '" + db + "." + a + "' or '" + db + "." + b + "' does not exist");
        }
        Table ta = tables.get(a);
        tables.put(a, tables.get(b));
        tables.put(b, ta);
        return Reply.ok(ordered("database", db, "table1", a, "table2", b));
    }

    private Reply importRows(String db, String table, String uniqueId, byte[] body) {
        Table t = databases.getOrDefault(db, Map.of()).get(table);
        if (t == null) {
            return Reply.error(404, "Table '" + db + "." + table + "' does not exist");
        }
        if (uniqueId != null && t.importIds.contains(uniqueId)) {
            return Reply.ok(ordered("database", db, "table", table, "unique_id", uniqueId));
        }
        List<Map<String, Object>> rows;
        try {
            rows = MsgpackRows.decode(body);
        } catch (IOException | IllegalArgumentException e) {
            return Reply.error(400, "Bad msgpack.gz body: " + e.getMessage());
        }
        t.rows.addAll(rows);
        if (uniqueId != null) {
            t.importIds.add(uniqueId);
        }
        return Reply.ok(uniqueId == null ? ordered("database", db, "table", table)
                : ordered("database", db, "table", table, "unique_id", uniqueId));
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private static String json(Map<String, ?> value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            writeJson(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void writeJson(JsonGenerator g, Object value) throws IOException {
        if (value instanceof Map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                g.writeFieldName(e.getKey().toString());
                writeJson(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List) {
            g.writeStartArray();
            for (Object o : (List<?>) value) {
                writeJson(g, o);
            }
            g.writeEndArray();
        } else if (value instanceof Long) {
            g.writeNumber((Long) value);
        } else {
            g.writeString(String.valueOf(value));
        }
    }

    private static final class Table {
        final List<Map<String, Object>> rows = new ArrayList<>();
        final Set<String> importIds = new HashSet<>();
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

    private static final class Reply {
        final int status;
        final String json;

        private Reply(int status, String json) {
            this.status = status;
            this.json = json;
        }

        static Reply ok(Map<String, ?> body) {
            return new Reply(200, json(body));
        }

        static Reply error(int status, String message) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", message);
            body.put("message", message);
            body.put("severity", "error");
            return new Reply(status, json(body));
        }
    }
}
