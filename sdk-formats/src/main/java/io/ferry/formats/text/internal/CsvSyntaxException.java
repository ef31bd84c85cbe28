package io.ferry.formats.text.internal;

/** A syntax error in the text: where the record starts and what is wrong. */
public final class CsvSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long line;

    CsvSyntaxException(long line, String reason) {
        super(reason, null, false, false);
        this.line = line;
    }

    /** The physical line where the record starts. */
    public long line() {
        return line;
    }
}
