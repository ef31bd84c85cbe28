package io.ferry.formats.csv.internal;

/**
 * Raised by {@link CsvFieldEncoder} when QuotePolicy NONE meets a character it has no escape
 * character for; {@link CsvWriter} turns it into a located {@link io.ferry.core.FerryDataException}.
 */
final class UnescapableCharException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final char character;

    UnescapableCharException(char character) {
        super(null, null, false, false);
        this.character = character;
    }

    char character() {
        return character;
    }
}
