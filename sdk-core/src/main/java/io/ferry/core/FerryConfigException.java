package io.ferry.core;

import java.util.Objects;

/**
 * The configuration is wrong: an option is missing, out of range or inconsistent with another.
 * The message says what is wrong and how to fix it, and ends with the option's name in
 * parentheses, e.g. {@code partSize must be between 5 MB and 5000 MB, was 2 MB (partSize)}.
 */
public class FerryConfigException extends FerryException {
    private static final long serialVersionUID = 1L;

    private final String option;

    /**
     * @param option  the option at fault, as the user names it in a builder or config file
     * @param message what is wrong and what is allowed; the option name is appended
     */
    public FerryConfigException(String option, String message) {
        super(message + " (" + Objects.requireNonNull(option, "option") + ")");
        this.option = option;
    }

    /** Same, with the cause that revealed the problem. */
    public FerryConfigException(String option, String message, Throwable cause) {
        super(message + " (" + Objects.requireNonNull(option, "option") + ")", cause);
        this.option = option;
    }

    /** The option at fault. */
    public String option() {
        return option;
    }
}
