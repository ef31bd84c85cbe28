package io.ferry.formats.text.internal;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;

/**
 * The text of a DOUBLE value in Ferry's text formats: the shortest digits that read back as the
 * same double, as {@link Double#toString(double)} writes them from Java 19 on, but in
 * plain decimal notation for magnitudes from 1e-7 up to (excluding) 1e21, so that ordinary values
 * carry no exponent ({@code 10000000000.0}, not {@code 1.0E10}; {@code 0.0001}, not
 * {@code 1.0E-4}). Integral values keep their {@code .0} so that a reader's type guess still sees
 * a double. Outside that range the exponent form stays ({@code 1.0E21}, {@code 1.0E-8}).
 * NaN and infinities are {@code NaN}, {@code Infinity} and {@code -Infinity}.
 *
 * <p>The digits come from jackson-core's copy of Raffaello Giulietti's Schubfach algorithm, which
 * Java 19 adopted for {@code Double.toString}: on Java 17 it is several times faster than the
 * JDK's own (the largest cost of a CSV or JSON row with doubles), and it gives the same text on
 * every Java version (Java 17's {@code Double.toString} sometimes writes a digit too many).
 */
public final class DoubleText {
    /** Plain notation from 10^-7 ... */
    private static final int MIN_PLAIN_EXPONENT = -7;
    /** ... up to 10^20 inclusive, as ECMAScript's Number-to-String does. */
    private static final int MAX_PLAIN_EXPONENT = 20;

    private DoubleText() {
    }

    /** Whether {@code value} is NaN or infinite, i.e. has no numeric text. */
    public static boolean isNonFinite(double value) {
        return Double.isNaN(value) || Double.isInfinite(value);
    }

    /** The text of {@code value}; see the class comment. */
    public static String format(double value) {
        String s = DoubleToDecimal.toString(value);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        int exponent = Integer.parseInt(s, e + 1, s.length(), 10);
        if (exponent < MIN_PLAIN_EXPONENT || exponent > MAX_PLAIN_EXPONENT) {
            return s;
        }
        return plain(s, e, exponent);
    }

    /** Rewrites {@code [-]D.DDDE<exponent>} without the exponent. */
    private static String plain(String s, int e, int exponent) {
        boolean negative = s.charAt(0) == '-';
        int start = negative ? 1 : 0;
        StringBuilder digits = new StringBuilder(e);
        digits.append(s.charAt(start));
        digits.append(s, start + 2, e); // skip the '.'
        int len = digits.length();
        while (len > 1 && digits.charAt(len - 1) == '0') {
            len--;
        }
        digits.setLength(len);

        StringBuilder out = new StringBuilder(len + Math.abs(exponent) + 4);
        if (negative) {
            out.append('-');
        }
        if (exponent >= 0) {
            int intDigits = exponent + 1;
            if (len <= intDigits) {
                out.append(digits);
                for (int i = len; i < intDigits; i++) {
                    out.append('0');
                }
                out.append(".0");
            } else {
                out.append(digits, 0, intDigits).append('.').append(digits, intDigits, len);
            }
        } else {
            out.append("0.");
            for (int i = -1; i > exponent; i--) {
                out.append('0');
            }
            out.append(digits);
        }
        return out.toString();
    }
}
