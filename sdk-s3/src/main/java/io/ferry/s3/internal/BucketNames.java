package io.ferry.s3.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.s3.S3Connection;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the bucket option of the S3 builders; one rule and one message for export and import.
 *
 * <p>Against AWS (no endpoint override) a name must follow S3's naming rules for general purpose
 * buckets: 3 to 63 characters of lower-case letters, digits, {@code .} and {@code -}, starting and
 * ending with a letter or digit, no {@code ..}, and not shaped like an IP address. S3-compatible
 * stores (an {@code endpoint}, or a given client with an endpoint override) accept other names
 * (upper case, {@code _}, up to 255 characters: the legacy US East rules that Ceph and others
 * follow), so there only a blank name, {@code /}, white space and control characters are refused
 * and the store decides the rest.
 */
public final class BucketNames {
    private static final Pattern AWS_CHARS = Pattern.compile("[a-z0-9.-]+");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern COMPATIBLE = Pattern.compile("[A-Za-z0-9._-]{1,255}");

    private BucketNames() {
    }

    /**
     * The trimmed bucket name, checked for what no store accepts.
     *
     * @param bucket       the name given by the user
     * @param folderOption the option that takes folders instead ({@code path}, {@code pathPrefix}),
     *                     named in the message
     * @throws FerryConfigException if the name is null, blank or contains {@code /}
     */
    public static String check(String bucket, String folderOption) {
        FerryConfigException.requireNonNull(bucket, "bucket");
        if (bucket.isBlank() || bucket.contains("/")) {
            throw new FerryConfigException("bucket", "the bucket must be a bare bucket name without '/', was '"
                    + bucket + "'; put folders into " + folderOption);
        }
        return bucket.trim();
    }

    /**
     * Checks, at {@code build()}, that a bucket was set and that its name fits the store's naming
     * rules: S3's rules without an endpoint override, the relaxed rules of S3-compatible stores
     * with one.
     *
     * @throws FerryConfigException (option {@code bucket}) naming the rule that is broken
     */
    public static void validate(String bucket, S3Connection connection) {
        if (bucket == null) {
            throw new FerryConfigException("bucket", "bucket is required");
        }
        Optional<URI> endpoint = connection.endpoint()
                .or(() -> connection.client().flatMap(c -> c.serviceClientConfiguration().endpointOverride()));
        String broken = endpoint.isPresent() ? compatibleRule(bucket) : awsRule(bucket);
        if (broken != null) {
            throw new FerryConfigException("bucket", "bucket name '" + bucket + "' is not valid: " + broken
                    + (endpoint.isPresent() ? "" : "; S3 bucket names are 3 to 63 characters of a-z, 0-9, '.' and"
                            + " '-' (e.g. 'sample-bucket'); other names work only with an S3-compatible store's"
                            + " endpoint(...)"));
        }
    }

    private static String awsRule(String b) {
        if (b.length() < 3 || b.length() > 63) {
            return "it has " + b.length() + " characters";
        }
        if (!AWS_CHARS.matcher(b).matches()) {
            return "it has characters other than lower-case letters, digits, '.' and '-'";
        }
        if (!Character.isLetterOrDigit(b.charAt(0)) || !Character.isLetterOrDigit(b.charAt(b.length() - 1))) {
            return "it must start and end with a letter or digit";
        }
        if (b.contains("..")) {
            return "it has two adjacent dots";
        }
        if (IP_ADDRESS.matcher(b).matches()) {
            return "it is shaped like an IP address";
        }
        return null;
    }

    private static String compatibleRule(String b) {
        return COMPATIBLE.matcher(b).matches() ? null
                : "with an endpoint it must be 1 to 255 characters of letters, digits, '.', '_' and '-'";
    }
}
