package io.ferry.formats.parquet;

/**
 * The compression codec Parquet applies to each data page of a {@link ParquetFormat} file. Every
 * codec here is implemented without Hadoop and is readable by all current Parquet engines.
 */
public enum ParquetCodec {
    /** No compression: largest files, cheapest to write. */
    UNCOMPRESSED,
    /** Snappy (raw blocks, through aircompressor, pure Java): fast, moderate ratio; the default. */
    SNAPPY,
    /** gzip (deflate, through {@code java.util.zip}) at level 6: slow, good ratio. */
    GZIP,
    /** Zstandard (through zstd-jni) at level 3: good ratio at near-Snappy speed. */
    ZSTD,
    /** LZ4 raw blocks (through aircompressor, pure Java): fastest; needs a recent reader. */
    LZ4_RAW
}
