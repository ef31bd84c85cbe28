package io.ferry.formats.decode;

import io.ferry.core.FerryConfigException;
import java.util.Locale;

/**
 * How the bytes of a file are decompressed before parsing. {@link #AUTO} (the default) looks at
 * the first bytes (magic numbers) and, when they name no codec, at the file name's suffix.
 */
public enum Decoder {
    /** Detect from the magic bytes; a name ending in a codec suffix without its magic bytes is an error. */
    AUTO,
    /** The bytes are the text. */
    NONE,
    /** gzip; concatenated members are read as one stream. */
    GZIP,
    /** bzip2; concatenated streams are read as one. */
    BZIP2,
    /** A zip archive: every file entry, in archive order, each parsed as its own file. */
    ZIP,
    /** Zstandard. */
    ZSTD,
    /** xz (LZMA2). */
    XZ;

    /**
     * The decoder with this name, case-insensitive.
     *
     * @param name a decoder name
     * @return the decoder
     * @throws FerryConfigException naming the allowed values if there is none
     */
    public static Decoder parse(String name) {
        for (Decoder d : values()) {
            if (d.name().equalsIgnoreCase(name)) {
                return d;
            }
        }
        throw new FerryConfigException("decoder", "unknown decoder '" + name
                + "'; use auto, none, gzip, bzip2, zip, zstd or xz");
    }

    /**
     * The decoder whose suffix ends {@code name} ({@code .gz}, {@code .bz2}, {@code .zip}, {@code .zst},
     * {@code .xz}), or NONE.
     *
     * @param name a file name or object key
     * @return the decoder, or NONE
     */
    public static Decoder fromFileName(String name) {
        FerryConfigException.requireNonNull(name, "name");
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz") || n.endsWith(".gzip")) {
            return GZIP;
        }
        if (n.endsWith(".bz2") || n.endsWith(".bzip2")) {
            return BZIP2;
        }
        if (n.endsWith(".zip")) {
            return ZIP;
        }
        if (n.endsWith(".zst") || n.endsWith(".zstd")) {
            return ZSTD;
        }
        if (n.endsWith(".xz")) {
            return XZ;
        }
        return NONE;
    }

    /**
     * The decoder whose magic number starts {@code head} (as many bytes as are known), or NONE.
     *
     * @param head the first bytes of the data
     * @param length how many bytes of {@code head} are known
     * @return the decoder, or NONE
     */
    public static Decoder fromMagic(byte[] head, int length) {
        if (startsWith(head, length, 0x1f, 0x8b)) {
            return GZIP;
        }
        if (startsWith(head, length, 'B', 'Z', 'h')) {
            return BZIP2;
        }
        if (startsWith(head, length, 'P', 'K', 3, 4) || startsWith(head, length, 'P', 'K', 5, 6)
                || startsWith(head, length, 'P', 'K', 7, 8)) {
            return ZIP;
        }
        if (startsWith(head, length, 0x28, 0xb5, 0x2f, 0xfd)) {
            return ZSTD;
        }
        if (startsWith(head, length, 0xfd, '7', 'z', 'X', 'Z', 0)) {
            return XZ;
        }
        return NONE;
    }

    private static boolean startsWith(byte[] head, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
