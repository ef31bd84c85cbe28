package io.ferry.s3.export;

import static io.ferry.s3.export.S3Fixture.client;
import static io.ferry.s3.export.S3Fixture.export;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.testing.DuckDb;
import io.ferry.formats.Compression;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JDBC query (DuckDB in memory) exported to S3 and read back by another DuckDB. */
class JdbcExportTest {
    @TempDir
    Path tmp;

    @Test
    void write_resultSet_exportsQueryRowsReadableByDuckDb() throws Exception {
        String bucket = S3Fixture.S3.newBucket("jdbc");
        ExportResult r;
        try (Connection db = DuckDb.connect(); Statement st = db.createStatement()) {
            st.execute("CREATE TABLE www_access AS SELECT i AS id, 'agent ' || (i % 7) AS agent,"
                    + " TIMESTAMP '2026-01-01 00:00:00' + INTERVAL (i) MINUTE AS at, i * 0.5 AS score"
                    + " FROM range(2500) t(i)");
            try (ResultSet rs = st.executeQuery("SELECT * FROM www_access WHERE id % 2 = 0 ORDER BY id")) {
                r = export(bucket).path("jdbc/{{TABLE}}.{{FORMAT}}").compression(Compression.GZIP).build()
                        .write("www_access", rs);
            }
        }

        assertThat(r.rows()).isEqualTo(1250);
        String file = Downloads.toFile(client(), bucket, "jdbc/www_access.csv.gz", tmp);
        assertThat(DuckDb.query("SELECT count(*), max(id), count(DISTINCT agent), max(score), max(\"at\")::VARCHAR"
                + " FROM read_csv(" + file + ", header=true)"))
                .containsExactly(List.of(1250L, 2498L, 7L, 1249.0, "2026-01-02 17:38:00"));
    }
}
