package io.ferry.td.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.td.TdWriteListener;
import io.ferry.td.TdWriteMode;
import java.time.Clock;

/**
 * What one write does, fixed when the {@link io.ferry.td.TdWriter} is built and handed to each
 * {@link TdWriteSession}: the target, the mode, the chunking and the time rules.
 *
 * @param database                the target database
 * @param table                   the target table
 * @param mode                    the write mode
 * @param createDatabaseIfMissing whether a missing database is created rather than an error
 * @param chunkSize               bytes of msgpack (before compression) after which a chunk is uploaded
 * @param timeColumn              the column copied into {@code time}, or null
 * @param timeValue               the fixed {@code time} in unix seconds, or null
 * @param clock                   gives the upload time and the duration
 * @param listener                receives progress, on the writing thread
 * @param compressionLevel        the gzip level of the chunks, 1..9
 * @param compressionThreads      threads that compress a chunk (1: on the writing thread)
 */
public record TdWritePlan(String database, String table, TdWriteMode mode, boolean createDatabaseIfMissing,
                          long chunkSize, String timeColumn, Long timeValue, Clock clock,
                          TdWriteListener listener, int compressionLevel, int compressionThreads) {
    /** Checks the required parts. */
    public TdWritePlan {
        FerryConfigException.requireNonNull(database, "database");
        FerryConfigException.requireNonNull(table, "table");
        FerryConfigException.requireNonNull(mode, "mode");
        FerryConfigException.requireNonNull(clock, "clock");
        FerryConfigException.requireNonNull(listener, "listener");
    }

    /** The target as named in data errors: {@code td:db.table}. */
    public String source() {
        return "td:" + database + "." + table;
    }

    /** The target as {@code db.table}. */
    String target() {
        return database + "." + table;
    }
}
