package io.ferry.s3.export.internal;

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
        if (t instanceof S3Exception) {
            S3Exception e = (S3Exception) t;
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

    /** Whether repeating the request may succeed. */
    public static boolean retryable(Throwable t) {
        if (t instanceof S3Exception) {
            int status = ((S3Exception) t).statusCode();
            return status >= 500 || status == 429 || status == 408;
        }
        return t instanceof SdkException && ((SdkException) t).retryable();
    }
}
