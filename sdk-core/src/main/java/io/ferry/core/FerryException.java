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
 * Messages never contain secrets: every message, and the messages of the cause chain, pass
 * through {@link Secrets#redact(String)} and {@link Secrets#redact(Throwable)} here, so a
 * registered secret or a well-known carrier ({@code X-Amz-Security-Token=...},
 * {@code Authorization: ...}, {@code apikey=...}) prints as {@code ****}.
 */
public class FerryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message; secrets in it are masked.
     *
     * @param message what failed; secrets in it are masked
     */
    public FerryException(String message) {
        super(Secrets.redact(message));
    }

    /**
     * Creates an exception with a message and a cause. Secrets in the message are masked; a cause
     * whose chain holds a secret is replaced by a {@link Secrets.RedactedException} copy.
     *
     * @param message what failed; secrets in it are masked
     * @param cause the exception that revealed the problem
     */
    public FerryException(String message, Throwable cause) {
        super(Secrets.redact(message), Secrets.redact(cause));
    }
}
