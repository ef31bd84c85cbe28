/**
 * Apache Parquet output: {@link io.ferry.formats.parquet.ParquetFormat} with its
 * {@link io.ferry.formats.parquet.ParquetCodec} and
 * {@link io.ferry.formats.parquet.ParquetWriterVersion} options. Written with parquet-avro, with
 * no Hadoop classes at runtime.
 */
package io.ferry.formats.parquet;
