package io.ferry.cli;

import io.ferry.core.FerryConfigException;

/**
 * An {@code s3://BUCKET/PREFIX} argument: a bucket and a key prefix (possibly empty).
 *
 * @param bucket the bucket, never empty
 * @param prefix the key prefix, empty for the whole bucket
 */
record S3Location(String bucket, String prefix) {

    /**
     * Parses {@code s3://bucket/prefix}.
     *
     * @throws FerryConfigException (option {@code location}) quoting the text and the expected form
     */
    static S3Location parse(String text) {
        FerryConfigException.requireNonNull(text, "location");
        if (!text.startsWith("s3://")) {
            throw new FerryConfigException("location", "'" + text + "' is not an S3 location; write s3://BUCKET/PREFIX,"
                    + " e.g. s3://my-bucket/logs/2024-");
        }
        String rest = text.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        if (bucket.isEmpty()) {
            throw new FerryConfigException("location", "'" + text + "' has no bucket; write s3://BUCKET/PREFIX");
        }
        return new S3Location(bucket, slash < 0 ? "" : rest.substring(slash + 1));
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + prefix;
    }
}
