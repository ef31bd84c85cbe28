package io.ferry.core.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * DuckDB in memory as an independent reader of what Ferry writes (CSV, JSON, Parquet files),
 * offline: extensions are neither installed nor loaded. The test module needs duckdb_jdbc on its
 * test class path.
 */
public final class DuckDb {
    private DuckDb() {
    }

    /** A new in-memory database; the caller closes it. */
    public static Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "false");
        return DriverManager.getConnection("jdbc:duckdb:", props);
    }

    /** Every row of {@code sql}, each as a list of JDBC objects. */
    public static List<List<Object>> query(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Object[] row = new Object[md.getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(Arrays.asList(row));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB failed on: " + sql, e);
        }
    }

    /** The SQL string literal of a file's path, for {@code read_csv} or {@code read_parquet}. */
    public static String literal(Path file) {
        return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
