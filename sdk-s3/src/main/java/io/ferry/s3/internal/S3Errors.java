package io.ferry.s3.internal;

import io.ferry.core.FerryIoException;
import io.ferry.core.Secrets;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Short, secret-free descriptions of AWS SDK failures for Ferry's messages and log lines: the
 * text S3 (or an S3-compatible store) sent back passes through {@link Secrets#redact(String)},
 * since some endpoints echo the request's {@code X-Amz-Security-Token} or signature.
 */
public final class S3Errors {
    private S3Errors() {
    }

    /** E.g. {@code AccessDenied (HTTP 403): Access Denied}. */
    public static String describe(Throwable t) {
        return Secrets.redact(describeRaw(t));
    }

    private static String describeRaw(Throwable t) {
        if (t instanceof S3Exception e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            String hint = code != null && code.startsWith("ExpiredToken")
                    ? "; the session token has expired: get new temporary credentials, or use assumeRole,"
                            + " which refreshes them before they expire"
                    : "";
            return (code == null ? "" : code + " ") + "(HTTP " + e.statusCode() + ")"
                    + (message == null ? "" : ": " + message) + hint;
        }
        return t == null ? "unknown error" : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /**
     * The failure of a request on one object or prefix, with its cause described and retryable as
     * {@link #describe} and {@link #retryable} say: {@code cannot read s3://bucket/key: AccessDenied
     * (HTTP 403): Access Denied}.
     *
     * @param what what was being done, a verb phrase such as {@code read} or {@code list}
     */
    public static FerryIoException cannot(String what, String bucket, String key, Throwable cause) {
        return cannot(what, bucket, key, describe(cause), cause, retryable(cause));
    }

    /**
     * The failure of a request on one object or prefix: {@code cannot <what> s3://<bucket>/<key>: <reason>}.
     *
     * @param what      what was being done, a verb phrase such as {@code read} or {@code list}
     * @param key       the key or prefix, followed by where in the object when that matters
     *                  ({@code key + " from byte " + position})
     * @param reason    why, already free of secrets (e.g. from {@link #describe})
     * @param cause     the cause, or null
     * @param retryable whether running again may succeed
     */
    public static FerryIoException cannot(String what, String bucket, String key, String reason, Throwable cause,
                                          boolean retryable) {
        return new FerryIoException("cannot " + what + " s3://" + bucket + "/" + key + ": " + reason, cause,
                retryable);
    }

    /** Whether repeating the request may succeed. */
    public static boolean retryable(Throwable t) {
        if (t instanceof S3Exception e) {
            int status = e.statusCode();
            return status >= 500 || status == 429 || status == 408;
        }
        return t instanceof SdkException e && e.retryable();
    }
}
