package io.ferry.core.incremental;

import io.ferry.core.FerryConfigException;
import java.util.Comparator;

/**
 * The order in which S3 lists keys: by their UTF-8 bytes, which is Unicode code point order
 * (Java's {@link String#compareTo} differs for characters beyond U+FFFF).
 */
public final class KeyOrder {
    /** Compares keys as S3 lists them. */
    public static final Comparator<String> UTF8 = KeyOrder::compare;

    private KeyOrder() {
    }

    /**
     * Negative, zero or positive as {@code a} lists before, with or after {@code b}.
     *
     * @param a a key
     * @param b another key
     * @return the comparison, negative, zero or positive
     */
    public static int compare(String a, String b) {
        FerryConfigException.requireNonNull(a, "a");
        FerryConfigException.requireNonNull(b, "b");
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
