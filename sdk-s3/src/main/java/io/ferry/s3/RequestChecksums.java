package io.ferry.s3;

/**
 * When requests and responses carry integrity checksums beyond the ones an S3 operation requires
 * ({@code x-amz-checksum-crc32} headers, {@code aws-chunked} bodies with a checksum trailer).
 * Set with {@link S3Connection.Builder#requestChecksums}.
 *
 * <p>Amazon S3 accepts both. Many S3-compatible stores (S3Proxy, older MinIO and Ceph releases)
 * refuse the AWS SDK's default flexible checksums with {@code XAmzContentSHA256Mismatch},
 * {@code NotImplemented} or {@code InvalidArgument}; they need {@link #WHEN_REQUIRED}.
 *
 * <pre>{@code
 * S3Connection.builder()
 *     .endpoint("http://127.0.0.1:9000").pathStyle(true)
 *     .requestChecksums(RequestChecksums.WHEN_REQUIRED)   // already the default with an endpoint
 *     .build();
 * }</pre>
 */
public enum RequestChecksums {
    /**
     * Checksums wherever the store supports them: the AWS SDK computes a CRC32 for every upload
     * and checks the one a download returns, and Ferry asks for CRC32 on multipart uploads. The
     * default for Amazon S3.
     */
    WHEN_SUPPORTED,
    /**
     * Checksums only where an operation requires one; uploads are still signed with their
     * SHA-256 (over HTTP) and carry Content-MD5 where S3 demands it. The default when an
     * {@linkplain S3Connection.Builder#endpoint endpoint} is set.
     */
    WHEN_REQUIRED
}
