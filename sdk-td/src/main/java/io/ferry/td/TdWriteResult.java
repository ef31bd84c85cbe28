package io.ferry.td;

import io.ferry.core.FerryConfigException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link TdWriter} write did: rows and chunks uploaded, bytes sent, the tables it
 * created, swapped or deleted, and how long it took. Immutable.
 *
 * <pre>{@code
 * TdWriteResult r = writer.write(schema, records);
 * System.out.println(r.rows() + " rows in " + r.chunks() + " chunks, published: " + r.published());
 * }</pre>
 */
public final class TdWriteResult {
    private final String database;
    private final String table;
    private final TdWriteMode mode;
    private final long rows;
    private final int chunks;
    private final long bytes;
    private final long uncompressedBytes;
    private final List<String> tablesTouched;
    private final boolean published;
    private final Duration duration;

    private TdWriteResult(Builder b) {
        this.database = b.database;
        this.table = b.table;
        this.mode = b.mode;
        this.rows = b.rows;
        this.chunks = b.chunks;
        this.bytes = b.bytes;
        this.uncompressedBytes = b.uncompressedBytes;
        this.tablesTouched = List.copyOf(b.tablesTouched);
        this.published = b.published;
        this.duration = b.duration;
    }

    /** {@return a new builder; database, table and mode are required} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this result's values} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.database = database;
        b.table = table;
        b.mode = mode;
        b.rows = rows;
        b.chunks = chunks;
        b.bytes = bytes;
        b.uncompressedBytes = uncompressedBytes;
        b.tablesTouched = new ArrayList<>(tablesTouched);
        b.published = published;
        b.duration = duration;
        return b;
    }

    /** {@return the target database} */
    public String database() {
        return database;
    }

    /** {@return the target table} */
    public String table() {
        return table;
    }

    /** {@return the mode the write used} */
    public TdWriteMode mode() {
        return mode;
    }

    /** {@return the number of rows uploaded} */
    public long rows() {
        return rows;
    }

    /** {@return the number of msgpack.gz chunks uploaded (each with its own {@code import_with_id} id)} */
    public int chunks() {
        return chunks;
    }

    /** {@return the bytes uploaded, gzip-compressed, as sent over the wire (retries not counted twice)} */
    public long bytes() {
        return bytes;
    }

    /** {@return the size of the uploaded msgpack rows before compression} */
    public long uncompressedBytes() {
        return uncompressedBytes;
    }

    /**
     * {@return the tables the write created, imported into, swapped or deleted, as {@code db.table}, in
     * the order first touched (a temporary table of a replace is listed too)}
     */
    public List<String> tablesTouched() {
        return tablesTouched;
    }

    /**
     * {@return whether the rows became visible in the target: true for APPEND and REPLACE, false for a
     * REPLACE_ON_NEW_DATA write that received no row (the target was left untouched)}
     */
    public boolean published() {
        return published;
    }

    /** {@return the time from open to the end of commit} */
    public Duration duration() {
        return duration;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TdWriteResult r)) {
            return false;
        }
        return database.equals(r.database) && table.equals(r.table) && mode == r.mode && rows == r.rows
                && chunks == r.chunks && bytes == r.bytes && uncompressedBytes == r.uncompressedBytes
                && tablesTouched.equals(r.tablesTouched) && published == r.published && duration.equals(r.duration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(database, table, mode, rows, chunks, bytes, uncompressedBytes, tablesTouched,
                published, duration);
    }

    @Override
    public String toString() {
        return "TdWriteResult{" + database + "." + table + ", mode=" + mode + ", rows=" + rows + ", chunks=" + chunks
                + ", bytes=" + bytes + ", uncompressedBytes=" + uncompressedBytes + ", tablesTouched=" + tablesTouched
                + ", published=" + published + ", duration=" + duration + "}";
    }

    /** Builds a {@link TdWriteResult}. Not thread-safe. */
    public static final class Builder {
        private String database;
        private String table;
        private TdWriteMode mode;
        private long rows;
        private int chunks;
        private long bytes;
        private long uncompressedBytes;
        private List<String> tablesTouched = new ArrayList<>();
        private boolean published;
        private Duration duration = Duration.ZERO;

        private Builder() {
        }

        /**
         * The target database; required.
         *
         * @param database the target database
         * @return this builder
         */
        public Builder database(String database) {
            this.database = FerryConfigException.requireNonNull(database, "database");
            return this;
        }

        /**
         * The target table; required.
         *
         * @param table the target table
         * @return this builder
         */
        public Builder table(String table) {
            this.table = FerryConfigException.requireNonNull(table, "table");
            return this;
        }

        /**
         * The mode; required.
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder mode(TdWriteMode mode) {
            this.mode = FerryConfigException.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Rows uploaded; not negative. Default 0.
         *
         * @param rows rows uploaded
         * @return this builder
         */
        public Builder rows(long rows) {
            this.rows = requireNotNegative(rows, "rows");
            return this;
        }

        /**
         * Chunks uploaded; not negative. Default 0.
         *
         * @param chunks chunks uploaded
         * @return this builder
         */
        public Builder chunks(int chunks) {
            this.chunks = (int) requireNotNegative(chunks, "chunks");
            return this;
        }

        /**
         * Compressed bytes uploaded; not negative. Default 0.
         *
         * @param bytes compressed bytes uploaded
         * @return this builder
         */
        public Builder bytes(long bytes) {
            this.bytes = requireNotNegative(bytes, "bytes");
            return this;
        }

        /**
         * Bytes before compression; not negative. Default 0.
         *
         * @param uncompressedBytes bytes before compression
         * @return this builder
         */
        public Builder uncompressedBytes(long uncompressedBytes) {
            this.uncompressedBytes = requireNotNegative(uncompressedBytes, "uncompressedBytes");
            return this;
        }

        /**
         * Tables touched, as {@code db.table}; copied. Default empty.
         *
         * @param tablesTouched tables touched, as {@code db.table}
         * @return this builder
         */
        public Builder tablesTouched(List<String> tablesTouched) {
            this.tablesTouched = new ArrayList<>(List.copyOf(FerryConfigException.requireNonNull(tablesTouched,
                    "tablesTouched")));
            return this;
        }

        /**
         * Whether the rows became visible. Default false.
         *
         * @param published whether the rows became visible
         * @return this builder
         */
        public Builder published(boolean published) {
            this.published = published;
            return this;
        }

        /**
         * Time taken; not negative. Default zero.
         *
         * @param duration time taken
         * @return this builder
         */
        public Builder duration(Duration duration) {
            FerryConfigException.requireNonNull(duration, "duration");
            if (duration.isNegative()) {
                throw new FerryConfigException("duration", "duration must not be negative, was " + duration);
            }
            this.duration = duration;
            return this;
        }

        /**
         * @return the result
         * @throws FerryConfigException if database, table or mode is missing
         */
        public TdWriteResult build() {
            if (database == null || table == null || mode == null) {
                throw new FerryConfigException("database", "database, table and mode are required");
            }
            return new TdWriteResult(this);
        }

        private static long requireNotNegative(long value, String name) {
            if (value < 0) {
                throw new FerryConfigException(name, name + " must not be negative, was " + value);
            }
            return value;
        }
    }
}
