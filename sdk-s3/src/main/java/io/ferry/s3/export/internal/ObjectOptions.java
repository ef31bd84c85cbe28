package io.ferry.s3.export.internal;

import io.ferry.s3.export.CannedAcl;
import io.ferry.s3.export.Sse;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The headers every object of an export carries: content type, encryption, ACL, and whether
 * writes are conditional ({@code If-None-Match: *}). Immutable; null members are unset.
 */
public final class ObjectOptions {
    private final String contentType;
    private final Sse sse;
    private final CannedAcl acl;
    private final boolean ifNoneMatch;

    /**
     * @param contentType the Content-Type header
     * @param sse         encryption, or null
     * @param acl         canned ACL, or null
     * @param ifNoneMatch whether PutObject and CompleteMultipartUpload must fail when the key exists
     */
    public ObjectOptions(String contentType, Sse sse, CannedAcl acl, boolean ifNoneMatch) {
        this.contentType = contentType;
        this.sse = sse;
        this.acl = acl;
        this.ifNoneMatch = ifNoneMatch;
    }

    /** The same headers without the {@code If-None-Match} condition. */
    ObjectOptions withoutCondition() {
        return new ObjectOptions(contentType, sse, acl, false);
    }

    /** Whether writes are conditional on the key not existing. */
    public boolean ifNoneMatch() {
        return ifNoneMatch;
    }

    /** Sets the headers on a single-request upload. */
    PutObjectRequest.Builder apply(PutObjectRequest.Builder b) {
        b.contentType(contentType);
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
        b.contentType(contentType);
        if (sse != null) {
            b.serverSideEncryption(sse.type().headerValue());
            sse.kmsKeyId().ifPresent(b::ssekmsKeyId);
        }
        if (acl != null) {
            b.acl(acl.headerValue());
        }
        return b;
    }

    /** Makes the completion conditional when asked. */
    CompleteMultipartUploadRequest.Builder apply(CompleteMultipartUploadRequest.Builder b) {
        if (ifNoneMatch) {
            b.ifNoneMatch("*");
        }
        return b;
    }
}
