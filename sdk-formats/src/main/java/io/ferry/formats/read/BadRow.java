package io.ferry.formats.read;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import java.util.Objects;

/**
 * Where a skipped row was and why it was skipped. Immutable.
 *
 * @see BadRowPolicy#SKIP
 */
public final class BadRow {
    private final String source;
    private final long line;
    private final String column;
    private final String reason;

    private BadRow(String source, long line, String column, String reason) {
        this.source = source;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /**
     * @param source the object key or file name; not null
     * @param line   the 1-based physical line where the row starts, after decompression, header lines counted
     * @param column the column at fault, or null when the whole row is
     * @param reason what is wrong; not null
     * @return the bad row
     */
    public static BadRow of(String source, long line, String column, String reason) {
        return new BadRow(FerryConfigException.requireNonNull(source, "source"), line, column,
                FerryConfigException.requireNonNull(reason, "reason"));
    }

    /** {@return the object key or file name} */
    public String source() {
        return source;
    }

    /** {@return the 1-based physical line where the row starts (after decompression, header lines counted)} */
    public long line() {
        return line;
    }

    /** {@return the column at fault, or null when the whole row is} */
    public String column() {
        return column;
    }

    /** {@return what is wrong with the row} */
    public String reason() {
        return reason;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof BadRow b)) {
            return false;
        }
        return b.source.equals(source) && b.line == line && Objects.equals(b.column, column)
                && b.reason.equals(reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, line, column, reason);
    }

    @Override
    public String toString() {
        return FerryDataException.location(source, line, column) + ": " + reason;
    }
}
