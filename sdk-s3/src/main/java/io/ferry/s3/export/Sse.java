package io.ferry.s3.export;

import io.ferry.core.FerryConfigException;
import java.util.Objects;
import java.util.Optional;

/**
 * Server-side encryption of the objects an export writes. Immutable.
 *
 * <pre>{@code
 * Sse.s3();                 // SSE-S3, AES256 with keys S3 manages
 * Sse.kms();                // SSE-KMS with the account's default aws/s3 key
 * Sse.kms("1234abcd-...");  // SSE-KMS with a symmetric key of the bucket's region
 * Sse.dsseKms("1234abcd-..."); // dual-layer SSE-KMS
 * }</pre>
 *
 * <p>The KMS key id is sent as given: a key id, alias or ARN. It is not a secret.
 */
public final class Sse {
    /** The encryption algorithm, as S3's {@code x-amz-server-side-encryption} header names it. */
    public enum Type {
        /** {@code AES256}: keys managed by S3. */
        S3("AES256"),
        /** {@code aws:kms}: keys in AWS KMS. */
        KMS("aws:kms"),
        /** {@code aws:kms:dsse}: two layers of KMS encryption. */
        DSSE_KMS("aws:kms:dsse");

        private final String headerValue;

        Type(String headerValue) {
            this.headerValue = headerValue;
        }

        /** {@return the header value, e.g. {@code aws:kms}} */
        public String headerValue() {
            return headerValue;
        }
    }

    private static final Sse S3 = new Sse(Type.S3, null);
    private static final Sse KMS_DEFAULT = new Sse(Type.KMS, null);

    private final Type type;
    private final String kmsKeyId;

    private Sse(Type type, String kmsKeyId) {
        this.type = type;
        this.kmsKeyId = kmsKeyId;
    }

    /** {@return SSE-S3 (AES256)} */
    public static Sse s3() {
        return S3;
    }

    /** {@return SSE-KMS with the default {@code aws/s3} key of the account} */
    public static Sse kms() {
        return KMS_DEFAULT;
    }

    /**
     * SSE-KMS with the given symmetric key.
     *
     * @param kmsKeyId the KMS key id
     * @return the encryption setting
     * @throws FerryConfigException if the key id is blank
     */
    public static Sse kms(String kmsKeyId) {
        return new Sse(Type.KMS, requireKey(kmsKeyId));
    }

    /**
     * Dual-layer SSE-KMS with the given key.
     *
     * @param kmsKeyId the KMS key id
     * @return the encryption setting
     * @throws FerryConfigException if the key id is blank
     */
    public static Sse dsseKms(String kmsKeyId) {
        return new Sse(Type.DSSE_KMS, requireKey(kmsKeyId));
    }

    private static String requireKey(String kmsKeyId) {
        FerryConfigException.requireNonNull(kmsKeyId, "kmsKeyId");
        if (kmsKeyId.isBlank()) {
            throw new FerryConfigException("kmsKeyId", "the KMS key id must not be blank; use Sse.kms() for the"
                    + " default key");
        }
        return kmsKeyId.trim();
    }

    /** {@return the algorithm} */
    public Type type() {
        return type;
    }

    /** {@return the KMS key id, if one was given} */
    public Optional<String> kmsKeyId() {
        return Optional.ofNullable(kmsKeyId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sse s && s.type == type && Objects.equals(s.kmsKeyId, kmsKeyId);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Objects.hashCode(kmsKeyId);
    }

    @Override
    public String toString() {
        return "Sse{" + type.headerValue + (kmsKeyId == null ? "" : ", key=" + kmsKeyId) + "}";
    }
}
