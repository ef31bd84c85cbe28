package io.ferry.s3.export.internal;

import java.util.Locale;

/**
 * Pure key arithmetic for the {@code CREATE_NEW} strategy and for objects that would repeat a
 * key within one export: the n-th alternative of {@code path/name.csv.gz} is
 * {@code path/name-n.csv.gz}. The suffix goes before the known extension (format extension and
 * compression suffix, e.g. {@code .csv.gz}) when the key ends with it, else at the end.
 */
public final class UniqueKeys {
    private UniqueKeys() {
    }

    /**
     * The key with suffix {@code -n} inserted before {@code extension}.
     *
     * @param key       the key as rendered
     * @param extension the extension with its leading dot ({@code .csv.gz}), or empty
     * @param n         the attempt, 1 or more; 0 returns the key unchanged
     */
    public static String suffixed(String key, String extension, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be 0 or more, was " + n);
        }
        if (n == 0) {
            return key;
        }
        String suffix = "-" + n;
        if (!extension.isEmpty()
                && key.toLowerCase(Locale.ROOT).endsWith(extension.toLowerCase(Locale.ROOT))
                && key.length() > extension.length()
                && key.charAt(key.length() - extension.length() - 1) != '/') {
            int at = key.length() - extension.length();
            return key.substring(0, at) + suffix + key.substring(at);
        }
        return key + suffix;
    }
}
