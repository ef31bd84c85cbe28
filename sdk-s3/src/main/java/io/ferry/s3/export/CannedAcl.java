package io.ferry.s3.export;

import io.ferry.core.FerryConfigException;

/**
 * A canned ACL applied to each object ({@code x-amz-acl}). Buckets with "bucket owner enforced"
 * object ownership reject every ACL but {@link #BUCKET_OWNER_FULL_CONTROL}; leave the ACL unset
 * for them.
 */
public enum CannedAcl {
    /** {@code private}: the owner only. */
    PRIVATE("private"),
    /** {@code public-read}: anyone may read. */
    PUBLIC_READ("public-read"),
    /** {@code public-read-write}: anyone may read and write. */
    PUBLIC_READ_WRITE("public-read-write"),
    /** {@code authenticated-read}: any AWS account may read. */
    AUTHENTICATED_READ("authenticated-read"),
    /** {@code aws-exec-read}: EC2 may read AMI bundles. */
    AWS_EXEC_READ("aws-exec-read"),
    /** {@code bucket-owner-read}: the bucket owner may read. */
    BUCKET_OWNER_READ("bucket-owner-read"),
    /** {@code bucket-owner-full-control}: the bucket owner has full control. */
    BUCKET_OWNER_FULL_CONTROL("bucket-owner-full-control");

    private final String headerValue;

    CannedAcl(String headerValue) {
        this.headerValue = headerValue;
    }

    /** {@return the header value, e.g. {@code bucket-owner-full-control}} */
    public String headerValue() {
        return headerValue;
    }

    /**
     * The ACL with this header value ({@code public-read}); case-insensitive.
     *
     * @param value a canned ACL header value
     * @return the ACL
     * @throws io.ferry.core.FerryConfigException naming the allowed values
     */
    public static CannedAcl parse(String value) {
        FerryConfigException.requireNonNull(value, "acl");
        for (CannedAcl a : values()) {
            if (a.headerValue.equalsIgnoreCase(value.trim())) {
                return a;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (CannedAcl a : values()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(a.headerValue);
        }
        throw new io.ferry.core.FerryConfigException("acl", "unknown canned ACL '" + value + "'; use one of " + allowed);
    }
}
