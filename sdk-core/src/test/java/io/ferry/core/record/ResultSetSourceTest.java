package io.ferry.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.testing.DuckDb;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link RecordSources#fromResultSet} against DuckDB's JDBC driver, in memory. */
class ResultSetSourceTest {
    private static Connection db;

    @BeforeAll
    static void openDatabase() throws SQLException {
        db = DuckDb.connect();
        try (Statement st = db.createStatement()) {
            st.execute("SET autoinstall_known_extensions = false");
            st.execute("CREATE TABLE t (b BIGINT, i INTEGER, d DOUBLE, v VARCHAR, ok BOOLEAN, ts TIMESTAMP,"
                    + " tz TIMESTAMPTZ, amount DECIMAL(10,2), day DATE, j JSON)");
            st.execute("INSERT INTO t VALUES (9007199254740993, 42, 1.5, 'hé, \"x\"', true,"
                    + " TIMESTAMP '2026-11-25 09:15:37.123456', TIMESTAMPTZ '2026-11-25 18:15:37.5+09:00',"
                    + " 12.34, DATE '2026-11-25', '{\"a\": [1, 2]}')");
            st.execute("INSERT INTO t VALUES (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
        }
    }

    @AfterAll
    static void closeDatabase() throws SQLException {
        db.close();
    }

    @Test
    void fromResultSet_mapsSqlTypesToColumnTypes() throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM t")) {
            RecordSource source = RecordSources.fromResultSet(rs);

            assertThat(source.schema()).isEqualTo(Schema.of(
                    Column.of("b", ColumnType.LONG), Column.of("i", ColumnType.LONG), Column.of("d", ColumnType.DOUBLE),
                    Column.of("v", ColumnType.STRING), Column.of("ok", ColumnType.BOOLEAN),
                    Column.of("ts", ColumnType.TIMESTAMP), Column.of("tz", ColumnType.TIMESTAMP),
                    Column.of("amount", ColumnType.STRING), Column.of("day", ColumnType.STRING),
                    Column.of("j", ColumnType.JSON)));
        }
    }

    @Test
    void fromResultSet_readsValuesAndNulls() throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM t ORDER BY b NULLS LAST")) {
            RecordSource source = RecordSources.fromResultSet(rs);
            List<Record> rows = new ArrayList<>();
            source.forEach(rows::add);

            assertThat(rows).hasSize(2);
            Record r = rows.get(0);
            assertThat(r.getLong("b")).isEqualTo(9007199254740993L);
            assertThat(r.getLong("i")).isEqualTo(42L);
            assertThat(r.getDouble("d")).isEqualTo(1.5);
            assertThat(r.getString("v")).isEqualTo("hé, \"x\"");
            assertThat(r.getBoolean("ok")).isTrue();
            assertThat(r.getInstant("ts")).isEqualTo(Instant.parse("2026-11-25T09:15:37.123456Z"));
            assertThat(r.getInstant("tz")).isEqualTo(Instant.parse("2026-11-25T09:15:37.500Z"));
            assertThat(r.getString("amount")).isEqualTo("12.34");
            assertThat(r.getString("day")).isEqualTo("2026-11-25");
            assertThat(r.getString("j")).isEqualTo("{\"a\": [1, 2]}");
            Record nulls = rows.get(1);
            for (int i = 0; i < nulls.size(); i++) {
                assertThat(nulls.isNull(i)).as(nulls.schema().column(i).name()).isTrue();
            }
        }
    }

    @Test
    void fromResultSet_decimalWithScaleZeroIsLong_labelsAreAliases() throws SQLException {
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT CAST(12 AS DECIMAL(18,0)) AS whole, CAST(1 AS DECIMAL(38,0)) AS huge")) {
            RecordSource source = RecordSources.fromResultSet(rs);

            assertThat(source.schema()).isEqualTo(Schema.of(Column.of("whole", ColumnType.LONG),
                    Column.of("huge", ColumnType.STRING)));
            assertThat(source.iterator().next()).isEqualTo(Record.of(source.schema(), 12L, "1"));
        }
    }

    @Test
    void fromResultSet_duplicateLabels_throwsAskingForAliases() throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT 1 AS id, 'x' AS v, 2 AS id")) {
            assertThatThrownBy(() -> RecordSources.fromResultSet(rs))
                    .isInstanceOf(FerryConfigException.class)
                    .hasMessage("columns 1 and 3 of the result set are both labelled 'id'; give them distinct aliases"
                            + " in the query (SELECT a.id AS a_id, b.id AS b_id ...) (resultSet)");
        }
    }

    @Test
    void fromResultSet_iteratesOnce() throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT 1 AS one")) {
            RecordSource source = RecordSources.fromResultSet(rs);
            source.iterator();

            assertThatThrownBy(source::iterator)
                    .isInstanceOf(FerryConfigException.class)
                    .hasMessage("a result set can be iterated only once; run the query again for a second pass"
                            + " (iterator)");
        }
    }
}
