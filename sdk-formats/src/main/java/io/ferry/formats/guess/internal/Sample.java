package io.ferry.formats.guess.internal;

import io.ferry.formats.decode.DecodedInput;
import io.ferry.formats.decode.Decoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The first decoded bytes of a file. A stream cut short (a ranged read in the middle of a gzip
 * member) is not an error: the sample keeps what could be decoded and is marked truncated.
 */
public final class Sample {
    private final byte[] bytes;
    private final boolean truncated;
    private final Decoder decoder;

    private Sample(byte[] bytes, boolean truncated, Decoder decoder) {
        this.bytes = bytes;
        this.truncated = truncated;
        this.decoder = decoder;
    }

    /**
     * Decodes up to {@code limit} bytes of the first part of {@code raw}.
     *
     * @param rawComplete whether {@code raw} holds the whole file (false for a prefix)
     */
    public static Sample read(String name, Decoder decoder, byte[] raw, boolean rawComplete, int limit) {
        try (DecodedInput input = DecodedInput.open(decoder, name, new ByteArrayInputStream(raw))) {
            if (!input.nextPart()) {
                return new Sample(new byte[0], !rawComplete, input.decoder());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            boolean cut = !rawComplete;
            byte[] buf = new byte[1024];
            try {
                InputStream in = input.part();
                while (out.size() < limit) {
                    int n = in.read(buf, 0, Math.min(buf.length, limit - out.size()));
                    if (n < 0) {
                        break;
                    }
                    out.write(buf, 0, n);
                }
                if (out.size() >= limit) {
                    cut = true;
                }
            } catch (IOException | RuntimeException e) {
                // a prefix of compressed data ends mid-stream: keep what was decoded
                cut = true;
            }
            return new Sample(out.toByteArray(), cut, input.decoder());
        }
    }

    /** A sample of already decoded bytes. */
    public static Sample of(byte[] bytes, boolean truncated) {
        return new Sample(Arrays.copyOf(bytes, bytes.length), truncated, Decoder.NONE);
    }

    /** The decoded bytes. */
    public byte[] bytes() {
        return bytes;
    }

    /** Whether the file goes on after the sample (so its last line may be partial). */
    public boolean truncated() {
        return truncated;
    }

    /** The decoder that was detected or given. */
    public Decoder decoder() {
        return decoder;
    }
}
