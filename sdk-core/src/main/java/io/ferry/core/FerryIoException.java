package io.ferry.core;

/**
 * A local or remote I/O operation failed: a stream broke, a service answered with an error.
 * {@link #retryable()} tells whether the same call may succeed later (throttling, a 5xx, a reset
 * connection) or will not (access denied, missing bucket).
 */
public class FerryIoException extends FerryException {
    private static final long serialVersionUID = 1L;

    /** Whether the same call may succeed when tried again. */
    private final boolean retryable;

    /**
     * A failure that is not known to be retryable.
     *
     * @param message what failed
     * @param cause the exception that revealed the problem
     */
    public FerryIoException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /**
     * @param message   what failed, naming the object, table or file
     * @param cause     the underlying exception, may be null
     * @param retryable whether the same call may succeed later
     */
    public FerryIoException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** {@return whether repeating the operation may succeed} */
    public boolean retryable() {
        return retryable;
    }
}
