package io.ferry.td.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.regex.Pattern;

/**
 * The databases and tables of {@link LocalTdServer}, in memory, with the API's answers: 404 for
 * a missing database or table, 409 for one that exists, 400 for a bad name or body. Thread-safe
 * (every method locks the catalog).
 */
final class TdCatalog {
    private static final Pattern NAME = Pattern.compile("^[a-z0-9_]{3,256}$");
    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, Map<String, Table>> databases = new TreeMap<>();

    /** Creates a database unless it exists. */
    synchronized void ensureDatabase(String db) {
        databases.computeIfAbsent(db, k -> new TreeMap<>());
    }

    /** The names of the databases. */
    synchronized Set<String> databases() {
        return new TreeSet<>(databases.keySet());
    }

    /** The names of the tables of a database; empty if it does not exist. */
    synchronized Set<String> tables(String db) {
        Map<String, Table> tables = databases.get(db);
        return tables == null ? Set.of() : new TreeSet<>(tables.keySet());
    }

    /**
     * The stored rows of a table, in import order (a copy).
     *
     * @throws IllegalArgumentException if there is no such table
     */
    synchronized List<Map<String, Object>> rows(String db, String table) {
        Table t = databases.getOrDefault(db, Map.of()).get(table);
        if (t == null) {
            throw new IllegalArgumentException("no table " + db + "." + table + "; tables: " + tables(db));
        }
        return Collections.unmodifiableList(new ArrayList<>(t.rows));
    }

    /** {@code GET /v3/database/list}. */
    synchronized Reply listDatabases() {
        List<Map<String, Object>> list = new ArrayList<>();
        databases.forEach((name, tables) -> list.add(ordered("name", name, "count", (long) tables.size())));
        return Reply.ok(ordered("databases", list));
    }

    /** {@code POST /v3/database/create/{db}}. */
    synchronized Reply createDatabase(String db) {
        if (!NAME.matcher(db).matches()) {
            return Reply.error(400, "Name must be 3 to 256 characters of a-z, 0-9 and _: '" + db + "'");
        }
        if (databases.containsKey(db)) {
            return Reply.error(409, "Database " + db + " already exists");
        }
        databases.put(db, new TreeMap<>());
        return Reply.ok(ordered("database", db));
    }

    /** {@code POST /v3/table/create/{db}/{table}/log}. */
    synchronized Reply createTable(String db, String table) {
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

    /** {@code GET /v3/table/list/{db}}. */
    synchronized Reply listTables(String db) {
        Map<String, Table> tables = databases.get(db);
        if (tables == null) {
            return Reply.error(404, "Database '" + db + "' does not exist");
        }
        List<Map<String, Object>> list = new ArrayList<>();
        tables.forEach((name, t) -> list.add(ordered("name", name, "type", "log", "count", (long) t.rows.size())));
        return Reply.ok(ordered("database", db, "tables", list));
    }

    /** {@code POST /v3/table/delete/{db}/{table}}. */
    synchronized Reply deleteTable(String db, String table) {
        Map<String, Table> tables = databases.get(db);
        if (tables == null || tables.remove(table) == null) {
            return Reply.error(404, "Table '" + db + "." + table + "' does not exist");
        }
        return Reply.ok(ordered("database", db, "table", table, "type", "log"));
    }

    /** {@code POST /v3/table/swap/{db}/{a}/{b}}: the two names exchange their tables. */
    synchronized Reply swap(String db, String a, String b) {
        Map<String, Table> tables = databases.get(db);
        if (tables == null || !tables.containsKey(a) || !tables.containsKey(b)) {
            return Reply.error(404, "Table '" + db + "." + a + "' or '" + db + "." + b + "' does not exist");
        }
        Table ta = tables.get(a);
        tables.put(a, tables.get(b));
        tables.put(b, ta);
        return Reply.ok(ordered("database", db, "table1", a, "table2", b));
    }

    /** {@code PUT /v3/table/import[_with_id]/...}: an id already imported is acknowledged, not stored again. */
    synchronized Reply importRows(String db, String table, String uniqueId, byte[] body) {
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
        if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(e.getKey().toString());
                writeJson(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                writeJson(g, o);
            }
            g.writeEndArray();
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else {
            g.writeString(String.valueOf(value));
        }
    }

    private static final class Table {
        final List<Map<String, Object>> rows = new ArrayList<>();
        final Set<String> importIds = new HashSet<>();
    }

    /** A status and a JSON body. */
    static final class Reply {
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
