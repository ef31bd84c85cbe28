package io.ferry.s3.internal;

import io.ferry.core.FerryConfigException;
import java.util.Locale;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Turns the AWS SDK's failure to find a region into a configuration error that says how to fix it. */
final class Regions {
    private Regions() {
    }

    /**
     * The error for a client that could not be built; a missing region is named as such, any other
     * build failure is reported with the AWS SDK's (redacted) text.
     *
     * @param what the client that could not be built, e.g. {@code S3}
     */
    static FerryConfigException missing(SdkClientException e, String what) {
        String m = String.valueOf(e.getMessage());
        if (m.toLowerCase(Locale.ROOT).contains("region")) {
            return new FerryConfigException("region", "no AWS region for the " + what + " client: set region(...)"
                    + " on the builder (e.g. region(\"us-east-1\")), or the AWS_REGION environment variable, or"
                    + " region in the AWS config profile", e);
        }
        return new FerryConfigException("connection", "cannot build the " + what + " client: " + m
                + "; check region, endpoint and credentials", e);
    }
}
