package io.ferry.s3.export.internal;

import io.ferry.core.template.KeyTemplate;
import io.ferry.formats.Compression;
import io.ferry.formats.FileFormat;
import io.ferry.s3.S3Connection;
import io.ferry.s3.export.CannedAcl;
import io.ferry.s3.export.ExportListener;
import io.ferry.s3.export.Sse;
import io.ferry.s3.export.WriteStrategy;
import io.ferry.s3.internal.S3ClientLease;
import java.time.Clock;

/**
 * Everything one run of an export needs, checked and resolved once when the export is built:
 * the parsed key template, the rotation limits, the part size in bytes and the buffer budget
 * with its default applied. Immutable; every run of the export shares it.
 *
 * @param connection        how S3 is reached
 * @param bucket            the bucket
 * @param path              the parsed key template
 * @param format            the file format
 * @param compression       the file compression
 * @param partSize          the first part's size in bytes
 * @param sse               server-side encryption, or null
 * @param acl               the canned ACL, or null
 * @param writeStrategy     what to do when a key exists
 * @param rotation          when an object is closed and the next one started
 * @param maxBufferedBytes  the budget of the open objects' part buffers
 * @param testWrite         whether a probe object is written before the first row
 * @param writeEmptyObjects whether an export without rows writes its object
 * @param listener          receives progress
 * @param clock             for time placeholders and rotation
 * @param compressionLevel  the codec's level
 * @param compressionThreads threads that compress gzip (1: on the writer's thread)
 */
public record ExportPlan(S3Connection connection, String bucket, KeyTemplate path, FileFormat format,
                         Compression compression, long partSize, Sse sse, CannedAcl acl, WriteStrategy writeStrategy,
                         Rotation rotation, long maxBufferedBytes, boolean testWrite, boolean writeEmptyObjects,
                         ExportListener listener, Clock clock, int compressionLevel, int compressionThreads) {

    /** The headers every object of a run carries (before its write id is added). */
    ObjectOptions objectOptions() {
        return new ObjectOptions(ContentTypes.of(format, compression), sse, acl,
                writeStrategy == WriteStrategy.CREATE_NEW)
                .withChecksums(S3ClientLease.requestChecksums(connection));
    }

    /** Whether a key that exists is overwritten. */
    boolean replace() {
        return writeStrategy == WriteStrategy.REPLACE;
    }

    /** The key prefix under which a run writes (for the probe and the upload sweep). */
    String prefix() {
        return WriteProbe.prefixOf(path.template());
    }
}
