package io.ferry.formats.parquet;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Schema;
import io.ferry.formats.FileFormat;
import io.ferry.formats.FormatWriter;
import io.ferry.formats.parquet.internal.ParquetLibrary;
import io.ferry.formats.parquet.internal.ParquetRecordWriter;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Apache Parquet files, written with parquet-java (the files parquet-avro writes, with the Avro
 * schema in the footer, but no Avro record per row) and no Hadoop at runtime. Immutable and safe to
 * share; each writer it opens is single-threaded.
 *
 * <pre>{@code
 * FileFormat parquet = ParquetFormat.builder().codec(ParquetCodec.ZSTD).build();
 * try (FormatWriter w = parquet.newWriter(schema, outputStream)) {
 *     w.write(record);
 * }
 * }</pre>
 *
 * <p>Every column is optional (nullable). Types map as follows: LONG to {@code int64}, DOUBLE to
 * {@code double}, BOOLEAN to {@code boolean}, STRING to {@code binary (STRING)}, TIMESTAMP to
 * {@code int64 (TIMESTAMP(MICROS, true))} (UTC-adjusted microseconds; finer digits are truncated),
 * JSON to {@code binary (JSON)}. Column names are kept as they are in the Parquet schema; the
 * Avro schema stored in the footer uses a sanitized name with the original as an alias (see the
 * README's Parquet section).
 *
 * <p>Encoding options: dictionary encoding on or off (for all columns, or per column), the codec's
 * level (GZIP 1 to 9, ZSTD 1 to 22), and Bloom filters for chosen columns
 * ({@link ParquetBloomFilter}). Columns named in options are checked against the schema when a
 * writer is opened.
 *
 * <p>A writer buffers one row group in memory (at most {@link #rowGroupSize()} bytes, encoded)
 * and writes it to the stream when it is full; the footer is written on close. Parquet has its
 * own page compression ({@link #codec()}), so {@link #supportsFileCompression()} is false.
 *
 * <p>Needs parquet-avro and its dependencies, which sdk-formats brings. An application that left
 * them out with a Maven exclusion gets a {@link FerryConfigException} (option {@code format})
 * from {@link #defaults()} and {@link Builder#build()}, naming the missing class.
 */
public final class ParquetFormat implements FileFormat {
    /** The default codec: {@link ParquetCodec#SNAPPY}. */
    public static final ParquetCodec DEFAULT_CODEC = ParquetCodec.SNAPPY;
    /** The default writer version: {@link ParquetWriterVersion#V1}. */
    public static final ParquetWriterVersion DEFAULT_WRITER_VERSION = ParquetWriterVersion.V1;
    /** The default row-group size: 128 MiB. */
    public static final long DEFAULT_ROW_GROUP_SIZE = 128L * 1024 * 1024;
    /** The default page size: 1 MiB. */
    public static final int DEFAULT_PAGE_SIZE = 1024 * 1024;
    /** The default row limit per row group: {@link Integer#MAX_VALUE}, that is no limit. */
    public static final int DEFAULT_MAX_ROWS_PER_ROW_GROUP = Integer.MAX_VALUE;
    /** The smallest row-group size and page size accepted: 1 KiB. */
    public static final int MIN_SIZE = 1024;
    /** The default largest dictionary page of a column chunk: 1 MiB; a column falls back to plain encoding past it. */
    public static final int DEFAULT_DICTIONARY_PAGE_SIZE = 1024 * 1024;
    /** The levels {@link ParquetCodec#GZIP} accepts: 1 (fastest) to 9 (smallest); default 6. */
    public static final int MIN_GZIP_LEVEL = 1;
    /** The highest {@link ParquetCodec#GZIP} level. */
    public static final int MAX_GZIP_LEVEL = 9;
    /** The levels {@link ParquetCodec#ZSTD} accepts: 1 (fastest) to 22 (smallest); default 3. */
    public static final int MIN_ZSTD_LEVEL = 1;
    /** The highest {@link ParquetCodec#ZSTD} level. */
    public static final int MAX_ZSTD_LEVEL = 22;
    private static final int GZIP_DEFAULT_LEVEL = 6;
    private static final int ZSTD_DEFAULT_LEVEL = 3;

    // not through build(): this class must load without Parquet, so that defaults() and build()
    // can say that Parquet is missing
    private static final ParquetFormat DEFAULTS = new ParquetFormat(new Builder());

    private final ParquetCodec codec;
    private final ParquetWriterVersion writerVersion;
    private final long rowGroupSize;
    private final int maxRowsPerRowGroup;
    private final int pageSize;
    private final int codecLevel;
    private final boolean dictionary;
    private final Map<String, Boolean> dictionaryByColumn;
    private final int dictionaryPageSize;
    private final List<ParquetBloomFilter> bloomFilters;

    private ParquetFormat(Builder b) {
        this.codec = b.codec;
        this.writerVersion = b.writerVersion;
        this.rowGroupSize = b.rowGroupSize;
        this.maxRowsPerRowGroup = b.maxRowsPerRowGroup;
        this.pageSize = b.pageSize;
        this.codecLevel = b.codecLevel;
        this.dictionary = b.dictionary;
        this.dictionaryByColumn = Collections.unmodifiableMap(new LinkedHashMap<>(b.dictionaryByColumn));
        this.dictionaryPageSize = b.dictionaryPageSize;
        this.bloomFilters = List.copyOf(b.bloomFilters.values());
    }

    /**
     * {@return Parquet with every default: SNAPPY, V1, 128 MiB row groups, 1 MiB pages, no row limit}
     *
     * @throws FerryConfigException if parquet-avro is not on the class path
     */
    public static ParquetFormat defaults() {
        ParquetLibrary.requirePresent();
        return DEFAULTS;
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder starting from this format's settings} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** {@return the page compression codec} */
    public ParquetCodec codec() {
        return codec;
    }

    /** {@return the data page format} */
    public ParquetWriterVersion writerVersion() {
        return writerVersion;
    }

    /** {@return the target size of a row group in bytes, as buffered before it is written} */
    public long rowGroupSize() {
        return rowGroupSize;
    }

    /** {@return the most rows a row group holds; {@link Integer#MAX_VALUE} means no limit} */
    public int maxRowsPerRowGroup() {
        return maxRowsPerRowGroup;
    }

    /** {@return the target size of a data page in bytes, before compression} */
    public int pageSize() {
        return pageSize;
    }

    /**
     * {@return the level of the codec: the one set, else the codec's default (GZIP 6, ZSTD 3);
     * empty for the codecs without levels}
     */
    public OptionalInt codecLevel() {
        if (codecLevel != 0) {
            return OptionalInt.of(codecLevel);
        }
        return codec == ParquetCodec.GZIP ? OptionalInt.of(GZIP_DEFAULT_LEVEL)
                : codec == ParquetCodec.ZSTD ? OptionalInt.of(ZSTD_DEFAULT_LEVEL) : OptionalInt.empty();
    }

    /** {@return whether columns are dictionary-encoded unless {@link #dictionaryByColumn()} says otherwise} */
    public boolean dictionary() {
        return dictionary;
    }

    /** {@return dictionary encoding on or off for single columns, overriding {@link #dictionary()}} */
    public Map<String, Boolean> dictionaryByColumn() {
        return dictionaryByColumn;
    }

    /** {@return the largest dictionary page of a column chunk in bytes; past it the column falls back to plain} */
    public int dictionaryPageSize() {
        return dictionaryPageSize;
    }

    /** {@return the Bloom filters to write, one per column, in the order they were set} */
    public List<ParquetBloomFilter> bloomFilters() {
        return bloomFilters;
    }

    /** {@code parquet}. */
    @Override
    public String extension() {
        return "parquet";
    }

    /** {@code application/vnd.apache.parquet}. */
    @Override
    public String contentType() {
        return "application/vnd.apache.parquet";
    }

    /** False: Parquet compresses its pages with {@link #codec()} instead. */
    @Override
    public boolean supportsFileCompression() {
        return false;
    }

    /**
     * Opens a writer that writes row groups to {@code out} as they fill and the footer on close,
     * through a 64 KiB buffer. The writer owns {@code out} and closes it, also when closing fails.
     *
     * @throws io.ferry.core.FerryIoException if the file cannot be started
     */
    @Override
    public FormatWriter newWriter(Schema schema, OutputStream out) {
        FerryConfigException.requireNonNull(schema, "schema");
        FerryConfigException.requireNonNull(out, "out");
        return ParquetRecordWriter.open(this, schema, out);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ParquetFormat f)) {
            return false;
        }
        return codec == f.codec && writerVersion == f.writerVersion && rowGroupSize == f.rowGroupSize
                && maxRowsPerRowGroup == f.maxRowsPerRowGroup && pageSize == f.pageSize
                && codecLevel == f.codecLevel && dictionary == f.dictionary
                && dictionaryByColumn.equals(f.dictionaryByColumn) && dictionaryPageSize == f.dictionaryPageSize
                && bloomFilters.equals(f.bloomFilters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(codec, writerVersion, rowGroupSize, maxRowsPerRowGroup, pageSize, codecLevel,
                dictionary, dictionaryByColumn, dictionaryPageSize, bloomFilters);
    }

    @Override
    public String toString() {
        return "ParquetFormat{codec=" + codec + (codecLevel != 0 ? ", codecLevel=" + codecLevel : "")
                + ", writerVersion=" + writerVersion
                + ", rowGroupSize=" + rowGroupSize + ", maxRowsPerRowGroup=" + maxRowsPerRowGroup
                + ", pageSize=" + pageSize + ", dictionary=" + dictionary
                + (dictionaryByColumn.isEmpty() ? "" : ", dictionaryByColumn=" + dictionaryByColumn)
                + ", dictionaryPageSize=" + dictionaryPageSize
                + (bloomFilters.isEmpty() ? "" : ", bloomFilters=" + bloomFilters) + "}";
    }

    /**
     * Builds a {@link ParquetFormat}. Setters reject nulls and impossible values at once;
     * {@link #build()} checks that the page fits in the row group. Not thread-safe.
     */
    public static final class Builder {
        private ParquetCodec codec = DEFAULT_CODEC;
        private ParquetWriterVersion writerVersion = DEFAULT_WRITER_VERSION;
        private long rowGroupSize = DEFAULT_ROW_GROUP_SIZE;
        private int maxRowsPerRowGroup = DEFAULT_MAX_ROWS_PER_ROW_GROUP;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private int codecLevel;
        private boolean dictionary = true;
        private final Map<String, Boolean> dictionaryByColumn = new LinkedHashMap<>();
        private int dictionaryPageSize = DEFAULT_DICTIONARY_PAGE_SIZE;
        private final Map<String, ParquetBloomFilter> bloomFilters = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(ParquetFormat f) {
            this.codec = f.codec;
            this.writerVersion = f.writerVersion;
            this.rowGroupSize = f.rowGroupSize;
            this.maxRowsPerRowGroup = f.maxRowsPerRowGroup;
            this.pageSize = f.pageSize;
            this.codecLevel = f.codecLevel;
            this.dictionary = f.dictionary;
            this.dictionaryByColumn.putAll(f.dictionaryByColumn);
            this.dictionaryPageSize = f.dictionaryPageSize;
            f.bloomFilters.forEach(this::bloomFilter);
        }

        /**
         * The level of the codec: GZIP 1 (fastest) to 9 (smallest), default 6; ZSTD 1 to 22,
         * default 3. {@link #build()} rejects a level for a codec without levels.
         *
         * @param level the codec level
         * @return this builder
         * @throws FerryConfigException if below 1 or above 22
         */
        public Builder codecLevel(int level) {
            if (level < MIN_ZSTD_LEVEL || level > MAX_ZSTD_LEVEL) {
                throw new FerryConfigException("codecLevel", "codecLevel must be between 1 and 22 (ZSTD) or 1 and 9"
                        + " (GZIP), was " + level);
            }
            this.codecLevel = level;
            return this;
        }

        /**
         * Dictionary encoding for every column not named in {@link #dictionary(String, boolean)};
         * default on. A column whose dictionary outgrows {@link #dictionaryPageSize(int)} falls
         * back to plain encoding in that row group.
         *
         * @param enabled whether columns are dictionary-encoded
         * @return this builder
         */
        public Builder dictionary(boolean enabled) {
            this.dictionary = enabled;
            return this;
        }

        /**
         * Dictionary encoding on or off for one column, whatever {@link #dictionary(boolean)} says.
         * The column must be in the schema of the writers opened.
         *
         * @param column  the column name, as in the schema
         * @param enabled whether the column is dictionary-encoded
         * @return this builder
         * @throws FerryConfigException if {@code column} is null or empty
         */
        public Builder dictionary(String column, boolean enabled) {
            FerryConfigException.requireNonNull(column, "dictionary");
            if (column.isEmpty()) {
                throw new FerryConfigException("dictionary", "the column name must not be empty");
            }
            dictionaryByColumn.put(column, enabled);
            return this;
        }

        /**
         * The largest dictionary page of a column chunk in bytes; default 1 MiB, at least 1 KiB.
         *
         * @param bytes the largest dictionary page in bytes
         * @return this builder
         * @throws FerryConfigException if below 1 KiB
         */
        public Builder dictionaryPageSize(int bytes) {
            if (bytes < MIN_SIZE) {
                throw new FerryConfigException("dictionaryPageSize", "dictionaryPageSize must be at least "
                        + MIN_SIZE + " bytes (1 KiB), was " + bytes + "; give the size in bytes, e.g. 1048576 for 1 MiB");
            }
            this.dictionaryPageSize = bytes;
            return this;
        }

        /**
         * Writes a Bloom filter for a column; a second filter for the same column replaces the
         * first. The column must be in the schema of the writers opened, and not BOOLEAN. Parquet
         * leaves the filter out of a column chunk that is all dictionary-encoded (see
         * {@link ParquetBloomFilter}).
         *
         * @param filter the filter settings
         * @return this builder
         */
        public Builder bloomFilter(ParquetBloomFilter filter) {
            FerryConfigException.requireNonNull(filter, "bloomFilter");
            bloomFilters.put(filter.column(), filter);
            return this;
        }

        /**
         * Writes a Bloom filter of the default probability and size for a column.
         *
         * @param column the column name, as in the schema
         * @return this builder
         * @throws FerryConfigException if {@code column} is null or empty
         */
        public Builder bloomFilter(String column) {
            return bloomFilter(ParquetBloomFilter.of(column));
        }

        /**
         * Writes a Bloom filter for a column, set up by {@code settings}, as in
         * {@code .bloomFilter("id", b -> b.expectedDistinctValues(100_000))}.
         *
         * @param column   the column name, as in the schema
         * @param settings sets up the filter's builder
         * @return this builder
         * @throws FerryConfigException if {@code column} is null or empty, or a setting is invalid
         */
        public Builder bloomFilter(String column, Consumer<ParquetBloomFilter.Builder> settings) {
            FerryConfigException.requireNonNull(settings, "bloomFilter");
            ParquetBloomFilter.Builder b = ParquetBloomFilter.builder(column);
            settings.accept(b);
            return bloomFilter(b.build());
        }

        /**
         * The page compression codec; default {@link ParquetCodec#SNAPPY}. Not null.
         *
         * @param codec the page compression codec
         * @return this builder
         */
        public Builder codec(ParquetCodec codec) {
            this.codec = FerryConfigException.requireNonNull(codec, "codec");
            return this;
        }

        /**
         * The data page format; default {@link ParquetWriterVersion#V1}. Not null.
         *
         * @param writerVersion the data page format
         * @return this builder
         */
        public Builder writerVersion(ParquetWriterVersion writerVersion) {
            this.writerVersion = FerryConfigException.requireNonNull(writerVersion, "writerVersion");
            return this;
        }

        /**
         * The target row-group size in bytes; default 128 MiB, at least 1 KiB. A writer holds one
         * row group in memory, so this bounds its memory use.
         *
         * @param bytes the target row-group size in bytes
         * @return this builder
         * @throws FerryConfigException if below 1 KiB
         */
        public Builder rowGroupSize(long bytes) {
            if (bytes < MIN_SIZE) {
                throw new FerryConfigException("rowGroupSize", "rowGroupSize must be at least "
                        + MIN_SIZE + " bytes (1 KiB), was " + bytes
                        + "; give the size in bytes, e.g. 134217728 for 128 MiB");
            }
            this.rowGroupSize = bytes;
            return this;
        }

        /**
         * The most rows a row group may hold, whatever its size; default no limit
         * ({@link Integer#MAX_VALUE}).
         *
         * @param rows the most rows a row group may hold, whatever its size
         * @return this builder
         * @throws FerryConfigException if not positive
         */
        public Builder maxRowsPerRowGroup(int rows) {
            if (rows < 1) {
                throw new FerryConfigException("maxRowsPerRowGroup",
                        "maxRowsPerRowGroup must be at least 1, was " + rows
                                + "; use Integer.MAX_VALUE for no limit");
            }
            this.maxRowsPerRowGroup = rows;
            return this;
        }

        /**
         * The target data page size in bytes, before compression; default 1 MiB, at least 1 KiB
         * and at most the row-group size.
         *
         * @param bytes the target data page size in bytes, before compression
         * @return this builder
         * @throws FerryConfigException if below 1 KiB
         */
        public Builder pageSize(int bytes) {
            if (bytes < MIN_SIZE) {
                throw new FerryConfigException("pageSize", "pageSize must be at least "
                        + MIN_SIZE + " bytes (1 KiB), was " + bytes
                        + "; give the size in bytes, e.g. 1048576 for 1 MiB");
            }
            this.pageSize = bytes;
            return this;
        }

        /**
         * Builds the format.
         *
         * @return the format
         * @throws FerryConfigException if the page size exceeds the row-group size, a codec
         *                              level does not suit the codec, or parquet-avro is not on
         *                              the class path
         */
        public ParquetFormat build() {
            ParquetLibrary.requirePresent();
            checkCodecLevel();
            if (pageSize > rowGroupSize) {
                throw new FerryConfigException("pageSize", "pageSize (" + pageSize
                        + " bytes) must not exceed rowGroupSize (" + rowGroupSize
                        + " bytes); lower pageSize or raise rowGroupSize");
            }
            return new ParquetFormat(this);
        }

        private void checkCodecLevel() {
            if (codecLevel == 0) {
                return;
            }
            if (codec == ParquetCodec.GZIP && codecLevel > MAX_GZIP_LEVEL) {
                throw new FerryConfigException("codecLevel", "codecLevel of GZIP must be between " + MIN_GZIP_LEVEL
                        + " and " + MAX_GZIP_LEVEL + ", was " + codecLevel);
            }
            if (codec != ParquetCodec.GZIP && codec != ParquetCodec.ZSTD) {
                throw new FerryConfigException("codecLevel", "codec " + codec + " has no levels, but codecLevel was set"
                        + " to " + codecLevel + "; use GZIP or ZSTD, or leave codecLevel unset");
            }
        }
    }
}
