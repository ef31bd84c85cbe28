package io.ferry.formats;

/** A line terminator for text formats. */
public enum Newline {
    /** {@code \r\n}, the default of RFC 4180 and of Treasure Data's exports. */
    CRLF("\r\n"),
    /** {@code \n}. */
    LF("\n"),
    /** {@code \r}. */
    CR("\r");

    private final String chars;

    Newline(String chars) {
        this.chars = chars;
    }

    /** {@return the terminator's characters} */
    public String chars() {
        return chars;
    }
}
