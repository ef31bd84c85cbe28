package io.ferry.s3.export;

import java.nio.file.Files;
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
import software.amazon.awssdk.services.s3.S3Client;

/** DuckDB in memory as an independent reader of downloaded objects. */
final class DuckDb {
    private DuckDb() {
    }

    static Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "false");
        return DriverManager.getConnection("jdbc:duckdb:", props);
    }

    /** Every row of {@code sql}, each as a list of JDBC objects. */
    static List<List<Object>> query(String sql) {
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

    /** Downloads an object to {@code dir} under its key's file name and returns the SQL literal of the file. */
    static String download(S3Client s3, String bucket, String key, Path dir) {
        Path file = dir.resolve(key.substring(key.lastIndexOf('/') + 1));
        try {
            Files.write(file, s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
