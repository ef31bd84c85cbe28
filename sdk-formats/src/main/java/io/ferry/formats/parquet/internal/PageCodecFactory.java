package io.ferry.formats.parquet.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet's codec factory replaced by {@link PageCodec}s, so that neither writing nor reading
 * loads a Hadoop class (Parquet's own factory instantiates Hadoop codecs even for UNCOMPRESSED).
 * Nothing is pooled, so releasing is a no-op. Thread-safe.
 */
public final class PageCodecFactory implements CompressionCodecFactory {
    private final int level;

    /** Creates a factory whose compressors run at each codec's default level. */
    public PageCodecFactory() {
        this(PageCodec.DEFAULT_LEVEL);
    }

    /**
     * Creates a factory whose GZIP or ZSTD compressor runs at {@code level}, which the caller
     * checked against the codec; {@code 0} is the codec's default.
     */
    PageCodecFactory(int level) {
        this.level = level;
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
        return new Compressor(PageCodec.of(codecName), level);
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
        return new Decompressor(PageCodec.of(codecName));
    }

    @Override
    public void release() {
        // nothing pooled
    }

    /** The bytes of a page as one array, copied once (BytesInput's own copy is deprecated). */
    static byte[] toArray(BytesInput bytes) throws IOException {
        ArrayOutput out = new ArrayOutput(Math.toIntExact(bytes.size()));
        bytes.writeAllTo(out);
        return out.array();
    }

    private static final class ArrayOutput extends OutputStream {
        private final byte[] array;
        private int size;

        ArrayOutput(int capacity) {
            this.array = new byte[capacity];
        }

        @Override
        public void write(int b) {
            array[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            System.arraycopy(b, off, array, size, len);
            size += len;
        }

        byte[] array() throws IOException {
            if (size != array.length) {
                throw new IOException("page announced " + array.length + " bytes but held " + size);
            }
            return array;
        }
    }

    private static final class Compressor implements BytesInputCompressor {
        private final PageCodec codec;
        private final int level;

        Compressor(PageCodec codec, int level) {
            this.codec = codec;
            this.level = level;
        }

        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            return codec == PageCodec.UNCOMPRESSED ? bytes : BytesInput.from(codec.compress(toArray(bytes), level));
        }

        @Override
        public CompressionCodecName getCodecName() {
            return codec.parquetName();
        }

        @Override
        public void release() {
            // nothing pooled
        }
    }

    private static final class Decompressor implements BytesInputDecompressor {
        private final PageCodec codec;

        Decompressor(PageCodec codec) {
            this.codec = codec;
        }

        @Override
        public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
            return codec == PageCodec.UNCOMPRESSED
                    ? bytes
                    : BytesInput.from(codec.decompress(toArray(bytes), decompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            output.put(codec.decompress(in, decompressedSize));
        }

        @Override
        public void release() {
            // nothing pooled
        }
    }
}
