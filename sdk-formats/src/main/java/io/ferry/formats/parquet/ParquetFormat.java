package io.ferry.formats.parquet;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Schema;
import io.ferry.formats.FileFormat;
import io.ferry.formats.FormatWriter;
import io.ferry.formats.parquet.internal.ParquetLibrary;
import io.ferry.formats.parquet.internal.ParquetRecordWriter;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Apache Parquet files, written with parquet-avro and no Hadoop at runtime. Immutable and safe to
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

    // not through build(): this class must load without Parquet, so that defaults() and build()
    // can say that Parquet is missing
    private static final ParquetFormat DEFAULTS = new ParquetFormat(new Builder());

    private final ParquetCodec codec;
    private final ParquetWriterVersion writerVersion;
    private final long rowGroupSize;
    private final int maxRowsPerRowGroup;
    private final int pageSize;

    private ParquetFormat(Builder b) {
        this.codec = b.codec;
        this.writerVersion = b.writerVersion;
        this.rowGroupSize = b.rowGroupSize;
        this.maxRowsPerRowGroup = b.maxRowsPerRowGroup;
        this.pageSize = b.pageSize;
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
                && maxRowsPerRowGroup == f.maxRowsPerRowGroup && pageSize == f.pageSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(codec, writerVersion, rowGroupSize, maxRowsPerRowGroup, pageSize);
    }

    @Override
    public String toString() {
        return "ParquetFormat{codec=" + codec + ", writerVersion=" + writerVersion
                + ", rowGroupSize=" + rowGroupSize + ", maxRowsPerRowGroup=" + maxRowsPerRowGroup
                + ", pageSize=" + pageSize + "}";
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

        private Builder() {
        }

        private Builder(ParquetFormat f) {
            this.codec = f.codec;
            this.writerVersion = f.writerVersion;
            this.rowGroupSize = f.rowGroupSize;
            this.maxRowsPerRowGroup = f.maxRowsPerRowGroup;
            this.pageSize = f.pageSize;
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
         * @throws FerryConfigException if the page size exceeds the row-group size, or if
         *                              parquet-avro is not on the class path
         */
        public ParquetFormat build() {
            ParquetLibrary.requirePresent();
            if (pageSize > rowGroupSize) {
                throw new FerryConfigException("pageSize", "pageSize (" + pageSize
                        + " bytes) must not exceed rowGroupSize (" + rowGroupSize
                        + " bytes); lower pageSize or raise rowGroupSize");
            }
            return new ParquetFormat(this);
        }
    }
}
