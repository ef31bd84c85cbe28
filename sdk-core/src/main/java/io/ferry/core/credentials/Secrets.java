package io.ferry.core.credentials;

import io.ferry.core.FerryConfigException;

/** Shared checks for the credential values. */
final class Secrets {
    static final String MASK = "****";

    private Secrets() {
    }

    /** Returns the value, or throws naming the option when it is null or blank (never printing it). */
    static String require(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new FerryConfigException(option, option + " must not be " + (value == null ? "null" : "blank"));
        }
        return value;
    }
}
