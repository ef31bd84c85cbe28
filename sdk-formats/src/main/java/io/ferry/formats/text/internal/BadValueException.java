package io.ferry.formats.text.internal;

/**
 * A value does not fit its column; the message is the reason, without a location. Cheap to throw:
 * no stack trace, since readers that skip bad rows may throw many.
 */
public final class BadValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong with the value */
    public BadValueException(String reason) {
        super(reason, null, false, false);
    }
}
