package io.ferry.core.template.internal;

/**
 * Makes a value safe to put inside one path segment of an object key. Internal; the rule is
 * documented on {@link io.ferry.core.template.KeyTemplate}.
 *
 * <p>The encoding is injective (two different values never give the same text) because
 * {@code %} itself is encoded and a value equal to a token gets its first {@code _} encoded.
 */
public final class KeyValueEncoder {
    /** The text a null value becomes. */
    public static final String NULL_TOKEN = "__null__";
    /** The text an empty value becomes. */
    public static final String EMPTY_TOKEN = "__empty__";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private KeyValueEncoder() {
    }

    /** Encodes a value; null gives {@link #NULL_TOKEN}, the empty string {@link #EMPTY_TOKEN}. */
    public static String encode(String value) {
        if (value == null) {
            return NULL_TOKEN;
        }
        if (value.isEmpty()) {
            return EMPTY_TOKEN;
        }
        if (value.equals(NULL_TOKEN) || value.equals(EMPTY_TOKEN)) {
            return "%5F" + value.substring(1);
        }
        if (value.equals(".")) {
            return "%2E";
        }
        StringBuilder sb = null;
        int i = 0;
        while (i < value.length()) {
            int cp = value.codePointAt(i);
            int width = Character.charCount(cp);
            if (mustEncode(value, i, cp)) {
                if (sb == null) {
                    sb = new StringBuilder(value.length() + 16).append(value, 0, i);
                }
                appendUtf8Escaped(sb, cp);
            } else if (sb != null) {
                sb.appendCodePoint(cp);
            }
            i += width;
        }
        return sb == null ? value : sb.toString();
    }

    private static boolean mustEncode(String value, int index, int cp) {
        switch (cp) {
            case '%':
            case '/':
            case '\\':
                return true;
            case '.':
                // a run of two or more dots could read as a parent folder: encode every dot of it
                return (index > 0 && value.charAt(index - 1) == '.')
                        || (index + 1 < value.length() && value.charAt(index + 1) == '.');
            case ' ':
                return false;
            default:
                return !isPrintable(cp);
        }
    }

    private static boolean isPrintable(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    // Own UTF-8 encoder: a lone surrogate is encoded as its three bytes instead of being replaced
    // by '?', which keeps the encoding injective for any Java string.
    private static void appendUtf8Escaped(StringBuilder sb, int cp) {
        if (cp < 0x80) {
            escape(sb, cp);
        } else if (cp < 0x800) {
            escape(sb, 0xC0 | (cp >> 6));
            escape(sb, 0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            escape(sb, 0xE0 | (cp >> 12));
            escape(sb, 0x80 | ((cp >> 6) & 0x3F));
            escape(sb, 0x80 | (cp & 0x3F));
        } else {
            escape(sb, 0xF0 | (cp >> 18));
            escape(sb, 0x80 | ((cp >> 12) & 0x3F));
            escape(sb, 0x80 | ((cp >> 6) & 0x3F));
            escape(sb, 0x80 | (cp & 0x3F));
        }
    }

    private static void escape(StringBuilder sb, int b) {
        sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }
}
