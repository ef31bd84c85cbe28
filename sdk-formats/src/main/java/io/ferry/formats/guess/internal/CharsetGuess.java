package io.ferry.formats.guess.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Infers the character set of a sample: a byte order mark (UTF-8, UTF-16), UTF-16 without a mark
 * (many zero bytes), valid UTF-8, valid Shift_JIS with double-byte characters, else windows-1252.
 */
public final class CharsetGuess {
    private CharsetGuess() {
    }

    /** The charset of {@code bytes}; {@code truncated} allows an incomplete character at the end. */
    public static Charset guess(byte[] bytes, boolean truncated) {
        int n = bytes.length;
        if (n >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return StandardCharsets.UTF_8;
        }
        if (n >= 2 && (((bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff)
                || ((bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe))) {
            return StandardCharsets.UTF_16;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                if (i % 2 == 0) {
                    evenZeros++;
                } else {
                    oddZeros++;
                }
            }
        }
        if (n >= 4 && evenZeros > n / 4 && oddZeros == 0) {
            return StandardCharsets.UTF_16BE;
        }
        if (n >= 4 && oddZeros > n / 4 && evenZeros == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (decodes(StandardCharsets.UTF_8, bytes, truncated ? 3 : 0)) {
            return StandardCharsets.UTF_8;
        }
        Charset sjis = Charset.forName("Shift_JIS");
        if (decodes(sjis, bytes, truncated ? 1 : 0)) {
            return sjis;
        }
        return Charset.forName("windows-1252");
    }

    private static boolean decodes(Charset charset, byte[] bytes, int maxCut) {
        for (int cut = 0; cut <= Math.min(maxCut, bytes.length); cut++) {
            CharsetDecoder d = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                d.decode(ByteBuffer.wrap(bytes, 0, bytes.length - cut));
                return true;
            } catch (CharacterCodingException e) {
                // try again without a possibly partial last character
            }
        }
        return false;
    }

    /** {@code bytes} as text, replacing what cannot be decoded (a cut character at the end). */
    public static String decode(byte[] bytes, Charset charset) {
        String s = new String(bytes, charset);
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }
}
