package io.ferry.core;


/**
 * The data is wrong: a value does not fit its column, a row cannot be parsed, a file is corrupt.
 * Carries where it happened: the source (an object key, a file, "record"), the 1-based line or
 * record number (0 when not known), and the column (null when not known).
 */
public class FerryDataException extends FerryException {
    private static final long serialVersionUID = 1L;

    /** Where the data came from. */
    private final String source;
    /** The 1-based line or record number; 0 when unknown. */
    private final long line;
    /** The column at fault, or null. */
    private final String column;
    /** What is wrong with the data, without the location. */
    private final String reason;

    /**
     * @param source where the data came from (object key, file name, "record"); not null
     * @param line   1-based line or record number; 0 when unknown
     * @param column column name, or null when the whole row is at fault
     * @param reason what is wrong with the value
     */
    public FerryDataException(String source, long line, String column, String reason) {
        this(source, line, column, reason, null);
    }

    /**
     * Same, with the cause that revealed the problem.
     *
     * @param source where the data came from: an object key, a file name, or {@code record}
     * @param line the 1-based line or record number; 0 when unknown
     * @param column the column at fault, or null
     * @param reason what is wrong with the data
     * @param cause the exception that revealed the problem
     */
    public FerryDataException(String source, long line, String column, String reason, Throwable cause) {
        super(location(source, line, column) + ": " + reason, cause);
        this.source = FerryConfigException.requireNonNull(source, "source");
        this.line = line;
        this.column = column;
        this.reason = Secrets.redact(FerryConfigException.requireNonNull(reason, "reason"));
    }

    /**
     * Formats a data location the way Ferry messages show it: {@code source, line 12, column 'id'}.
     * The line is left out when 0 or less, the column when null. Pure; safe from any thread.
     *
     * @param source where the data came from; not null
     * @param line   1-based line or record number; 0 when unknown
     * @param column column name, or null
     * @return the location text
     */
    public static String location(String source, long line, String column) {
        StringBuilder sb = new StringBuilder(FerryConfigException.requireNonNull(source, "source"));
        if (line > 0) {
            sb.append(", line ").append(line);
        }
        if (column != null) {
            sb.append(", column '").append(column).append('\'');
        }
        return sb.toString();
    }

    /**
     * Where the data came from: an object key, a file name, or {@code record}.
     *
     * @return where the data came from
     */
    public String source() {
        return source;
    }

    /** {@return the 1-based line or record number, or 0 when not known} */
    public long line() {
        return line;
    }

    /** {@return the column name, or null when the whole row is at fault} */
    public String column() {
        return column;
    }

    /** {@return what is wrong, without the location} */
    public String reason() {
        return reason;
    }
}
