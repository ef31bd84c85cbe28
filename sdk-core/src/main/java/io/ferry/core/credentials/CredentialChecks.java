package io.ferry.core.credentials;

import io.ferry.core.FerryConfigException;
import io.ferry.core.Secrets;

/** Shared checks for the credential values. */
final class CredentialChecks {
    private CredentialChecks() {
    }

    /** Returns the value, or throws naming the option when it is null or blank (never printing it). */
    static String require(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new FerryConfigException(option, option + " must not be " + (value == null ? "null" : "blank"));
        }
        return value;
    }

    /** Like {@link #require}, and registers the value with {@link Secrets} so no message prints it. */
    static String requireSecret(String value, String option) {
        String v = require(value, option);
        Secrets.register(v);
        return v;
    }
}
