package io.ferry.formats.parquet.internal;

import com.github.luben.zstd.Zstd;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.ferry.formats.parquet.ParquetCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Compresses and decompresses one Parquet page without Hadoop, in the byte layout the Parquet
 * format specifies for each codec: a raw Snappy block and a raw LZ4 block (aircompressor, pure
 * Java), a gzip member ({@code java.util.zip}), a Zstandard frame (zstd-jni, which Ferry ships
 * anyway for file compression). This replaces Parquet's own codec factory, which loads Hadoop
 * codecs. Stateless and thread-safe.
 */
enum PageCodec {
    UNCOMPRESSED(CompressionCodecName.UNCOMPRESSED) {
        @Override
        byte[] compress(byte[] in, int level) {
            return in;
        }

        @Override
        byte[] decompressPage(byte[] in, int size) throws IOException {
            return checkSize(in, size);
        }
    },
    SNAPPY(CompressionCodecName.SNAPPY) {
        @Override
        byte[] compress(byte[] in, int level) {
            SnappyCompressor snappy = new SnappyCompressor();
            byte[] out = new byte[snappy.maxCompressedLength(in.length)];
            int n = snappy.compress(in, 0, in.length, out, 0, out.length);
            return Arrays.copyOf(out, n);
        }

        @Override
        byte[] decompressPage(byte[] in, int size) throws IOException {
            byte[] out = new byte[size];
            int n = new SnappyDecompressor().decompress(in, 0, in.length, out, 0, size);
            return checkSize(out, n);
        }
    },
    GZIP(CompressionCodecName.GZIP) {
        @Override
        byte[] compress(byte[] in, int level) throws IOException {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(in.length / 2 + 64);
            try (OutputStream gz = new LeveledGzipOutputStream(buffer, level == DEFAULT_LEVEL ? GZIP_LEVEL : level)) {
                gz.write(in);
            }
            return buffer.toByteArray();
        }

        @Override
        byte[] decompressPage(byte[] in, int size) throws IOException {
            try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(in))) {
                byte[] out = gz.readNBytes(size);
                if (out.length != size || gz.read() != -1) {
                    throw new IOException("gzip page does not hold " + size + " bytes");
                }
                return out;
            }
        }
    },
    ZSTD(CompressionCodecName.ZSTD) {
        @Override
        byte[] compress(byte[] in, int level) throws IOException {
            byte[] out = new byte[(int) Zstd.compressBound(in.length)];
            long n = Zstd.compressByteArray(out, 0, out.length, in, 0, in.length,
                    level == DEFAULT_LEVEL ? ZSTD_LEVEL : level);
            if (Zstd.isError(n)) {
                throw new IOException("zstd compression failed: " + Zstd.getErrorName(n));
            }
            return Arrays.copyOf(out, (int) n);
        }

        @Override
        byte[] decompressPage(byte[] in, int size) throws IOException {
            byte[] out = new byte[size];
            long n = Zstd.decompressByteArray(out, 0, size, in, 0, in.length);
            if (Zstd.isError(n)) {
                throw new IOException("zstd decompression failed: " + Zstd.getErrorName(n));
            }
            return checkSize(out, (int) n);
        }
    },
    LZ4_RAW(CompressionCodecName.LZ4_RAW) {
        @Override
        byte[] compress(byte[] in, int level) {
            Lz4Compressor lz4 = new Lz4Compressor();
            byte[] out = new byte[lz4.maxCompressedLength(in.length)];
            int n = lz4.compress(in, 0, in.length, out, 0, out.length);
            return Arrays.copyOf(out, n);
        }

        @Override
        byte[] decompressPage(byte[] in, int size) throws IOException {
            byte[] out = new byte[size];
            int n = new Lz4Decompressor().decompress(in, 0, in.length, out, 0, size);
            return checkSize(out, n);
        }
    };

    /** The level Parquet and the zstd command line use by default. */
    static final int ZSTD_LEVEL = 3;
    /** The level of gzip's command line and of {@code java.util.zip}'s default. */
    static final int GZIP_LEVEL = 6;
    /** Passed as {@code level}: the codec's own default level (and the only one of codecs without levels). */
    static final int DEFAULT_LEVEL = 0;

    private final CompressionCodecName parquetName;

    PageCodec(CompressionCodecName parquetName) {
        this.parquetName = parquetName;
    }

    /** Parquet's name of this codec, as recorded in the column chunk metadata. */
    CompressionCodecName parquetName() {
        return parquetName;
    }

    /** Compresses a whole page at the codec's default level. May return {@code in} itself. */
    final byte[] compress(byte[] in) throws IOException {
        return compress(in, DEFAULT_LEVEL);
    }

    /**
     * Compresses a whole page. May return {@code in} itself.
     *
     * @param level the GZIP or ZSTD level, checked by {@code ParquetFormat}, or {@link #DEFAULT_LEVEL};
     *              the other codecs have one level and ignore it
     */
    abstract byte[] compress(byte[] in, int level) throws IOException;

    /** Decompresses a whole page whose uncompressed size is {@code size}; may throw unchecked. */
    abstract byte[] decompressPage(byte[] in, int size) throws IOException;

    /**
     * Decompresses a whole page whose uncompressed size is {@code size}.
     *
     * @throws IOException if the page is corrupt or does not hold {@code size} bytes
     */
    final byte[] decompress(byte[] in, int size) throws IOException {
        try {
            return decompressPage(in, size);
        } catch (RuntimeException e) {
            // zstd-jni and aircompressor report corrupt input with unchecked exceptions
            throw new IOException("corrupt " + this + " page: " + e.getMessage(), e);
        }
    }

    /** The codec for Ferry's public codec name. */
    static PageCodec of(ParquetCodec codec) {
        return valueOf(codec.name());
    }

    /**
     * The codec Parquet names so.
     *
     * @throws IllegalArgumentException for a codec Ferry does not implement (LZO, BROTLI, LZ4)
     */
    static PageCodec of(CompressionCodecName name) {
        for (PageCodec c : values()) {
            if (c.parquetName == name) {
                return c;
            }
        }
        throw new IllegalArgumentException("Parquet codec " + name + " is not supported; "
                + "Ferry reads and writes UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW");
    }

    /** A gzip stream whose deflater runs at {@code level}. */
    private static final class LeveledGzipOutputStream extends GZIPOutputStream {
        LeveledGzipOutputStream(OutputStream out, int level) throws IOException {
            super(out);
            def.setLevel(level);
        }
    }

    private static byte[] checkSize(byte[] out, int actual) throws IOException {
        if (actual != out.length) {
            throw new IOException("page decompressed to " + actual + " bytes, expected " + out.length);
        }
        return out;
    }
}
