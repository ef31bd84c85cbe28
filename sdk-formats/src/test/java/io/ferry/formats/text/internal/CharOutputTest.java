package io.ferry.formats.text.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CharOutputTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ascii        | 'plain, text'",
        "two bytes    | 'ünïcödé'",
        "three bytes  | '東京 日本語'",
        "pair         | '😀 e\u0301'",
        "lone high    | '\uD83Dx'",
        "lone low     | 'x\uDE00'",
        "high at end  | 'x\uD83D'",
        "reversed     | '\uDE00\uD83D'"
    })
    void append_encodesAsTheJdksUtf8Writer(String name, String text) throws IOException {
        assertThat(encode(text)).isEqualTo(jdk(text));
    }

    @Test
    void append_randomTextAcrossBufferBoundaries_sameBytesAsTheJdksUtf8Writer() throws IOException {
        Random random = new Random(12);
        StringBuilder all = new StringBuilder();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CharOutput out = new CharOutput(bytes);
        for (int n = 0; n < 3000; n++) {
            String s = randomText(random, random.nextInt(200));
            all.append(s);
            switch (random.nextInt(3)) {
                case 0:
                    out.append(s);
                    break;
                case 1: // in two parts, never inside a pair
                    int cut = random.nextInt(s.length() + 1);
                    if (cut > 0 && cut < s.length() && Character.isHighSurrogate(s.charAt(cut - 1))
                            && Character.isLowSurrogate(s.charAt(cut))) {
                        cut--;
                    }
                    out.append(s, 0, cut);
                    out.append(s, cut, s.length());
                    break;
                default:
                    for (int i = 0; i < s.length(); i++) {
                        char c = s.charAt(i);
                        if (Character.isHighSurrogate(c) && i + 1 < s.length()
                                && Character.isLowSurrogate(s.charAt(i + 1))) {
                            out.append(s, i, i + 2);
                            i++;
                        } else if (Character.isSurrogate(c)) {
                            out.append(s, i, i + 1);
                        } else {
                            out.append(c);
                        }
                    }
            }
            if (n % 7 == 0) {
                long v = random.nextLong() >> random.nextInt(64);
                out.appendLong(v);
                all.append(v);
            }
        }
        out.appendLong(Long.MIN_VALUE);
        all.append(Long.MIN_VALUE);
        out.close();

        assertThat(bytes.toByteArray()).isEqualTo(jdk(all.toString()));
    }

    /** Mostly ASCII, some 2- and 3-byte chars, pairs and lone surrogates. */
    private static String randomText(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        while (sb.length() < length) {
            int kind = random.nextInt(20);
            if (kind < 14) {
                sb.append((char) random.nextInt(0x80));
            } else if (kind < 16) {
                sb.append((char) (0x80 + random.nextInt(0x780)));
            } else if (kind < 18) {
                sb.append((char) (0x800 + random.nextInt(0xD000)));
            } else if (kind < 19) {
                sb.appendCodePoint(0x10000 + random.nextInt(0x100000));
            } else {
                sb.append((char) (0xD800 + random.nextInt(0x800)));
            }
        }
        // pieces never pair up across their ends (a delimiter always stands between values)
        if (sb.length() > 0 && Character.isLowSurrogate(sb.charAt(0))) {
            sb.setCharAt(0, 'y');
        }
        if (sb.length() > 0 && Character.isHighSurrogate(sb.charAt(sb.length() - 1))) {
            sb.setCharAt(sb.length() - 1, 'x');
        }
        return sb.toString();
    }

    private static byte[] encode(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CharOutput out = new CharOutput(bytes);
        out.append(text);
        out.close();
        return bytes.toByteArray();
    }

    private static byte[] jdk(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            w.write(text);
        }
        return bytes.toByteArray();
    }
}
