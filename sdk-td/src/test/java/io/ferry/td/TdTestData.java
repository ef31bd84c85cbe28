package io.ferry.td;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.td.testing.LocalTdServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Small records and writers shared by the black-box tests. */
final class TdTestData {
    static final Schema SCHEMA = Schema.of(Column.of("code", ColumnType.LONG), Column.of("name", ColumnType.STRING));
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TdTestData() {
    }

    /** Records code = from..from+count-1, name = "n" + code. */
    static List<Record> records(int from, int count) {
        List<Record> list = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            list.add(Record.of(SCHEMA, (long) i, "n" + i));
        }
        return list;
    }

    /** A fresh database on the server, so tests do not share tables. */
    static String freshDatabase(LocalTdServer td) {
        String db = "db_" + DATABASES.incrementAndGet();
        td.createDatabase(db);
        return db;
    }

    /** A writer to the server with the master key, fast retries and a fixed time. */
    static TdWriterBuilder writer(LocalTdServer td, String db, String table) {
        return TdWriter.builder().endpoint(td.endpoint()).apiKey(LocalTdServer.MASTER_KEY)
                .database(db).table(table).timeValue(1_700_000_000L)
                .backoff(Duration.ofMillis(5), Duration.ofMillis(20));
    }
}
