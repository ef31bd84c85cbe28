package io.ferry.formats;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryIoException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * File-level compression of a text format's output. Each codec wraps an {@link OutputStream}
 * (closing the wrapper finishes the compressed stream and closes the one it wraps), decodes an
 * {@link InputStream}, and has a file suffix that is appended after the format's extension
 * ({@code data.csv.gz}).
 *
 * <pre>{@code
 * try (OutputStream gz = Compression.GZIP.wrap(out)) { ... }
 * Compression.GZIP.suffix(); // ".gz"
 * }</pre>
 *
 * Parquet compresses internally (see {@code ParquetCodec}); asking for file compression on it is
 * a configuration error.
 */
public enum Compression {
    /** No compression. */
    NONE(""),
    /** gzip (RFC 1952), with the JDK's deflater; levels 1..9, default 6. */
    GZIP(".gz", 1, 9, 6),
    /** Zstandard, through zstd-jni; levels 1..19, default 3. */
    ZSTD(".zst", 1, 19, 3),
    /** bzip2, through commons-compress; levels (block size in 100 KB) 1..9, default 9. */
    BZIP2(".bz2", 1, 9, 9),
    /** xz (LZMA2), through the tukaani xz library; presets 0..9, default 6. */
    XZ(".xz", 0, 9, 6);


    private static final int BUFFER = 64 * 1024;
    // an export may hold many compressed objects open at once: keep each encoder's buffer small
    private static final int WRITE_BUFFER = 16 * 1024;

    private final String suffix;
    private final int minLevel;
    private final int maxLevel;
    private final int defaultLevel;

    Compression(String suffix) {
        this(suffix, 0, 0, 0);
    }

    Compression(String suffix, int minLevel, int maxLevel, int defaultLevel) {
        this.suffix = suffix;
        this.minLevel = minLevel;
        this.maxLevel = maxLevel;
        this.defaultLevel = defaultLevel;
    }

    /** {@return the lowest (fastest) level this codec takes; 0 for {@link #NONE}} */
    public int minLevel() {
        return minLevel;
    }

    /** {@return the highest (smallest output) level this codec takes; 0 for {@link #NONE}} */
    public int maxLevel() {
        return maxLevel;
    }

    /** {@return the level {@link #wrap(OutputStream)} uses; 0 for {@link #NONE}} */
    public int defaultLevel() {
        return defaultLevel;
    }

    /**
     * Checks a level for this codec.
     *
     * @param level  the level to check
     * @param option the option name the error names
     * @return {@code level}
     * @throws FerryConfigException naming {@code option} if the level is outside {@link #minLevel()}..{@link #maxLevel()}
     */
    public int checkLevel(int level, String option) {
        if (level < minLevel || level > maxLevel) {
            throw new FerryConfigException(option, option + " must be between " + minLevel + " and " + maxLevel
                    + " for " + this + ", was " + level + (this == NONE ? "; set a compression first" : ""));
        }
        return level;
    }

    /** {@return the file suffix with its dot ({@code .gz}), or the empty string for {@link #NONE}} */
    public String suffix() {
        return suffix;
    }

    /**
     * Wraps {@code out} so that what is written to the result reaches {@code out} compressed.
     * For {@link #NONE} returns {@code out} itself.
     *
     * @param out the stream that receives compressed bytes
     * @return the stream to write uncompressed bytes to
     * @throws FerryIoException if the codec cannot start (for example a failed native load)
     */
    public OutputStream wrap(OutputStream out) {
        return wrap(out, defaultLevel);
    }

    /**
     * Wraps {@code out} like {@link #wrap(OutputStream)}, at {@code level}.
     *
     * @param out   the stream that receives compressed bytes
     * @param level the codec's level, {@link #minLevel()}..{@link #maxLevel()}
     * @return the stream to write uncompressed bytes to
     * @throws FerryConfigException if the level is out of range (option {@code compressionLevel})
     * @throws FerryIoException     if the codec cannot start (for example a failed native load)
     */
    public OutputStream wrap(OutputStream out, int level) {
        checkLevel(level, "compressionLevel");
        try {
            switch (this) {
                case NONE:
                    return out;
                case GZIP:
                    return new LeveledGzipOutputStream(out, WRITE_BUFFER, level);
                case ZSTD:
                    return new ZstdOutputStream(out, level);
                case BZIP2:
                    return new BZip2CompressorOutputStream(out, level);
                case XZ:
                    return new XZOutputStream(out, new LZMA2Options(level));
                default:
                    throw new AssertionError(this);
            }
        } catch (IOException e) {
            throw new FerryIoException("cannot start " + this + " compression: " + e.getMessage(), e);
        }
    }

    /** The JDK's gzip stream at a chosen deflate level. */
    private static final class LeveledGzipOutputStream extends GZIPOutputStream {
        LeveledGzipOutputStream(OutputStream out, int size, int level) throws IOException {
            super(out, size);
            def.setLevel(level);
        }
    }

    /**
     * Wraps {@code in} so that reading the result yields {@code in}'s data decompressed. For
     * {@link #NONE} returns {@code in} itself. Concatenated gzip and bzip2 members are read as one.
     *
     * @param in the compressed stream
     * @return the stream of decompressed bytes
     * @throws FerryIoException if the stream does not start as this codec's data
     */
    public InputStream unwrap(InputStream in) {
        try {
            switch (this) {
                case NONE:
                    return in;
                case GZIP:
                    return new GZIPInputStream(in, BUFFER);
                case ZSTD:
                    return new ZstdInputStream(new BufferedInputStream(in, BUFFER));
                case BZIP2:
                    return new BZip2CompressorInputStream(new BufferedInputStream(in, BUFFER), true);
                case XZ:
                    return new XZInputStream(new BufferedInputStream(in, BUFFER));
                default:
                    throw new AssertionError(this);
            }
        } catch (IOException e) {
            throw new FerryIoException("cannot read " + this + " data: " + e.getMessage(), e);
        }
    }

    /**
     * The codec whose suffix ends {@code fileName} ({@code a.csv.gz} gives GZIP), if any; also
     * accepts {@code .gzip}, {@code .zstd} and {@code .bzip2}.
     *
     * @param fileName a file name or object key
     * @return the codec, or empty
     */
    public static Optional<Compression> fromFileName(String fileName) {
        FerryConfigException.requireNonNull(fileName, "fileName");
        String name = fileName.toLowerCase(Locale.ROOT);
        for (Compression c : values()) {
            if (c != NONE && name.endsWith(c.suffix)) {
                return Optional.of(c);
            }
        }
        if (name.endsWith(".gzip")) {
            return Optional.of(GZIP);
        }
        if (name.endsWith(".zstd")) {
            return Optional.of(ZSTD);
        }
        if (name.endsWith(".bzip2")) {
            return Optional.of(BZIP2);
        }
        return Optional.empty();
    }
}
