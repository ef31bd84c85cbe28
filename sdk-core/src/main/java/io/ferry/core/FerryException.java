package io.ferry.core;

/**
 * Root of every exception Ferry throws. Unchecked: Ferry has no checked exceptions in its
 * public signatures, and wraps {@link java.io.IOException} in {@link FerryIoException}.
 *
 * <p>Callers that want to react catch one of the subtypes:
 * <ul>
 *   <li>{@link FerryConfigException}: the setup is wrong; fix the option it names.</li>
 *   <li>{@link FerryDataException}: the input is wrong; it carries the location.</li>
 *   <li>{@link FerryIoException}: a local or remote I/O failure; may be retryable.</li>
 * </ul>
 * Messages never contain secrets.
 */
public class FerryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message. */
    public FerryException(String message) {
        super(message);
    }

    /** Creates an exception with a message and a cause. */
    public FerryException(String message, Throwable cause) {
        super(message, cause);
    }
}
