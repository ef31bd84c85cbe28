package io.ferry.core;

/**
 * The configuration is wrong: an option is missing, out of range or inconsistent with another.
 * The message says what is wrong and how to fix it, and ends with the option's name in
 * parentheses, e.g. {@code partSize must be between 5 MB and 5000 MB, was 2 MB (partSize)}.
 */
public class FerryConfigException extends FerryException {
    private static final long serialVersionUID = 1L;

    /** The option or parameter at fault, as the user knows it. */
    private final String option;

    /**
     * @param option  the option at fault, as the user names it in a builder or config file
     * @param message what is wrong and what is allowed; the option name is appended
     */
    public FerryConfigException(String option, String message) {
        super(message + " (" + requireNonNull(option, "option") + ")");
        this.option = option;
    }

    /**
     * Same, with the cause that revealed the problem.
     *
     * @param option the option or parameter at fault, as the user knows it
     * @param message what is wrong and how to fix it
     * @param cause the exception that revealed the problem
     */
    public FerryConfigException(String option, String message, Throwable cause) {
        super(message + " (" + requireNonNull(option, "option") + ")", cause);
        this.option = option;
    }

    /**
     * Returns {@code value}, or throws when it is null: Ferry's replacement for
     * {@link java.util.Objects#requireNonNull(Object, String)}, so that a null argument is a
     * {@code FerryConfigException} like every other bad setting, e.g.
     * {@code bucket must not be null (bucket)}.
     *
     * @param <T> the type of the value
     * @param value  the argument
     * @param option the option or parameter name, as the caller knows it
     * @return {@code value}
     * @throws FerryConfigException if {@code value} is null
     */
    public static <T> T requireNonNull(T value, String option) {
        if (value == null) {
            throw new FerryConfigException(option, option + " must not be null");
        }
        return value;
    }

    /** {@return the option at fault} */
    public String option() {
        return option;
    }
}
