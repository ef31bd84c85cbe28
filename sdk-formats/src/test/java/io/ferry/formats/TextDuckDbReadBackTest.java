package io.ferry.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.formats.json.JsonLinesFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DuckDB, an independent engine, reads Ferry's CSV and JSON Lines back with the same values. */
class TextDuckDbReadBackTest {
    private static final Schema SCHEMA = Schema.of(
            Column.of("id", ColumnType.LONG), Column.of("score", ColumnType.DOUBLE),
            Column.of("ok", ColumnType.BOOLEAN), Column.of("created", ColumnType.TIMESTAMP),
            Column.of("name", ColumnType.STRING));
    private static final List<Record> ROWS = List.of(
            Record.of(SCHEMA, 1L, 10000000000.0, true, Instant.parse("2026-11-25T09:15:37.123Z"), "a, \"b\"\r\nc"),
            Record.of(SCHEMA, 2L, 0.0001, false, Instant.parse("1969-07-20T20:17:40Z"), ""),
            Record.of(SCHEMA, 3L, null, null, null, null));
    private static final String SELECT = "SELECT id, score, ok, epoch_ms(created), name FROM ";
    private static final List<List<Object>> EXPECTED = List.of(
            List.of(1L, 10000000000.0, true, Instant.parse("2026-11-25T09:15:37.123Z").toEpochMilli(), "a, \"b\"\r\nc"),
            List.of(2L, 0.0001, false, Instant.parse("1969-07-20T20:17:40Z").toEpochMilli(), ""),
            nulls(4, 3L));

    @TempDir
    Path dir;

    @Test
    void csvDefaults_duckDbReadsSameValuesWithNullApartFromEmpty() throws IOException {
        Path file = write("t.csv", CsvFormat.csv());

        // allow_quoted_nulls = false: "" is an empty string, only an unquoted empty field is null
        assertThat(query(SELECT + "read_csv(" + literal(file) + ", header = true, quote = '\"', escape = '\"',"
                + " allow_quoted_nulls = false,"
                + " columns = {'id': 'BIGINT', 'score': 'DOUBLE', 'ok': 'BOOLEAN', 'created': 'TIMESTAMP', 'name': 'VARCHAR'})"
                + " ORDER BY id"))
                .isEqualTo(EXPECTED);
    }

    @Test
    void jsonLinesDefaults_duckDbReadsSameValues() throws IOException {
        Path file = write("t.jsonl", JsonLinesFormat.defaults());

        assertThat(query(SELECT + "read_json(" + literal(file) + ", format = 'newline_delimited',"
                + " columns = {'id': 'BIGINT', 'score': 'DOUBLE', 'ok': 'BOOLEAN', 'created': 'TIMESTAMP', 'name': 'VARCHAR'})"
                + " ORDER BY id"))
                .isEqualTo(EXPECTED);
    }

    private Path write(String name, FileFormat format) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, Written.bytes(format, SCHEMA, ROWS));
        return file;
    }

    private static List<Object> nulls(int count, Object first) {
        List<Object> row = new ArrayList<>();
        row.add(first);
        for (int i = 0; i < count; i++) {
            row.add(null);
        }
        return row;
    }

    private static String literal(Path file) {
        return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    private static List<List<Object>> query(String sql) {
        Properties props = new Properties();
        props.setProperty("autoinstall_known_extensions", "false");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:", props);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB failed on: " + sql, e);
        }
    }
}
