package io.ferry.formats.text.internal;

/** A record longer than the maximum record size; it has been read to its end, so reading can go on. */
public final class RecordTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long line;
    private final int valueIndex;

    RecordTooLargeException(long line, int valueIndex, long size) {
        super("the record is " + size + " characters long", null, false, false);
        this.line = line;
        this.valueIndex = valueIndex;
    }

    /** The physical line where the record starts. */
    public long line() {
        return line;
    }

    /** The 0-based index of the value at which the record passed the maximum size. */
    public int valueIndex() {
        return valueIndex;
    }
}
