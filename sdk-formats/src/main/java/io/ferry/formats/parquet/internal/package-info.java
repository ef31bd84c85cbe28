/**
 * Implementation of the Parquet writer: the stream adapter, the Hadoop-free page codecs, the
 * schema mapping and the record writer. Not an API: it may change in any release.
 */
package io.ferry.formats.parquet.internal;
