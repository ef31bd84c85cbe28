package io.ferry.s3.export.internal;

import io.ferry.s3.RequestChecksums;
import io.ferry.s3.export.CannedAcl;
import io.ferry.s3.export.Sse;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * The headers every object of an export carries: content type, encryption, ACL, whether writes
 * are conditional ({@code If-None-Match: *}), the object's write id (user metadata
 * {@value #WRITE_ID_METADATA}, by which an export recognises its own write after a lost
 * response), and the checksum algorithm of multipart uploads (CRC32 unless
 * {@link #withChecksums} says none). Immutable; null members are unset.
 */
public final class ObjectOptions {
    /** User metadata key (sent as {@code x-amz-meta-ferry-write-id}) holding an object's write id. */
    public static final String WRITE_ID_METADATA = "ferry-write-id";

    private final String contentType;
    private final Sse sse;
    private final CannedAcl acl;
    private final boolean ifNoneMatch;
    private final String writeId;
    private final ChecksumAlgorithm checksumAlgorithm;

    /**
     * @param contentType the Content-Type header
     * @param sse         encryption, or null
     * @param acl         canned ACL, or null
     * @param ifNoneMatch whether PutObject and CompleteMultipartUpload must fail when the key exists
     */
    public ObjectOptions(String contentType, Sse sse, CannedAcl acl, boolean ifNoneMatch) {
        this(contentType, sse, acl, ifNoneMatch, null, ChecksumAlgorithm.CRC32);
    }

    private ObjectOptions(String contentType, Sse sse, CannedAcl acl, boolean ifNoneMatch, String writeId,
                          ChecksumAlgorithm checksumAlgorithm) {
        this.contentType = contentType;
        this.sse = sse;
        this.acl = acl;
        this.ifNoneMatch = ifNoneMatch;
        this.writeId = writeId;
        this.checksumAlgorithm = checksumAlgorithm;
    }

    /**
     * The same headers, asking for a CRC32 on multipart uploads only under
     * {@link RequestChecksums#WHEN_SUPPORTED} (stores that refuse flexible checksums need none).
     */
    public ObjectOptions withChecksums(RequestChecksums checksums) {
        return new ObjectOptions(contentType, sse, acl, ifNoneMatch, writeId,
                checksums == RequestChecksums.WHEN_SUPPORTED ? ChecksumAlgorithm.CRC32 : null);
    }

    /** The same headers without the {@code If-None-Match} condition. */
    ObjectOptions withoutCondition() {
        return new ObjectOptions(contentType, sse, acl, false, writeId, checksumAlgorithm);
    }

    /** The same headers for one object, which carries {@code writeId} in its metadata. */
    ObjectOptions withWriteId(String writeId) {
        return new ObjectOptions(contentType, sse, acl, ifNoneMatch, writeId, checksumAlgorithm);
    }

    /** The write id objects get, or null. */
    String writeId() {
        return writeId;
    }

    /** Whether objects are encrypted with KMS, whose ETags are not the MD5 of the data. */
    boolean kms() {
        return sse != null && sse.type().headerValue().startsWith("aws:kms");
    }

    /** The checksum algorithm asked for on multipart uploads, or null for none. */
    ChecksumAlgorithm checksumAlgorithm() {
        return checksumAlgorithm;
    }

    /** Whether objects carry server-side encryption headers. */
    boolean hasSse() {
        return sse != null;
    }

    /** Whether objects carry a canned ACL header. */
    boolean hasAcl() {
        return acl != null;
    }

    /** Whether writes are conditional on the key not existing. */
    public boolean ifNoneMatch() {
        return ifNoneMatch;
    }

    /** Sets the headers on a single-request upload. */
    PutObjectRequest.Builder apply(PutObjectRequest.Builder b) {
        b.contentType(contentType);
        if (writeId != null) {
            b.metadata(Map.of(WRITE_ID_METADATA, writeId));
        }
        if (sse != null) {
            b.serverSideEncryption(sse.type().headerValue());
            sse.kmsKeyId().ifPresent(b::ssekmsKeyId);
        }
        if (acl != null) {
            b.acl(acl.headerValue());
        }
        if (ifNoneMatch) {
            b.ifNoneMatch("*");
        }
        return b;
    }

    /** Sets the headers on the start of a multipart upload (S3 takes them from there). */
    CreateMultipartUploadRequest.Builder apply(CreateMultipartUploadRequest.Builder b) {
        b.contentType(contentType).checksumAlgorithm(checksumAlgorithm);
        if (writeId != null) {
            b.metadata(Map.of(WRITE_ID_METADATA, writeId));
        }
        if (sse != null) {
            b.serverSideEncryption(sse.type().headerValue());
            sse.kmsKeyId().ifPresent(b::ssekmsKeyId);
        }
        if (acl != null) {
            b.acl(acl.headerValue());
        }
        return b;
    }

    /** Sets the part's checksum algorithm, the one the upload was started with (or none). */
    UploadPartRequest.Builder apply(UploadPartRequest.Builder b) {
        return b.checksumAlgorithm(checksumAlgorithm);
    }

    /** Makes the completion conditional when asked. */
    CompleteMultipartUploadRequest.Builder apply(CompleteMultipartUploadRequest.Builder b) {
        if (ifNoneMatch) {
            b.ifNoneMatch("*");
        }
        return b;
    }
}
