package io.ferry.formats.parquet;

/**
 * The Parquet data page format a {@link ParquetFormat} writes.
 */
public enum ParquetWriterVersion {
    /**
     * Data page v1 with the classic encodings; readable by every Parquet engine. The default.
     */
    V1,
    /**
     * Data page v2 with the newer encodings (delta, RLE dictionary); smaller for some data, but
     * some older engines cannot read it.
     */
    V2
}
