package io.ferry.formats.decode.internal;

import io.ferry.formats.decode.Decoder;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A decompressing stream whose failures are Ferry's: corrupt data throws a
 * {@link io.ferry.core.FerryDataException} naming the source, a failure of the raw stream below
 * stays what it was (see {@link CodecFailures}). {@link #close()} can leave the stream below open
 * (a zip entry, whose archive goes on). Single-threaded.
 */
public final class CodecStream extends FilterInputStream {
    private final Decoder decoder;
    private final String source;
    private final SourceStream raw;
    private final boolean closesCodec;

    /**
     * @param codec       the decompressing stream
     * @param decoder     its codec, for messages
     * @param source      the key, or {@code key!entry}
     * @param raw         the raw stream the codec reads
     * @param closesCodec whether {@link #close()} closes {@code codec}
     */
    public CodecStream(InputStream codec, Decoder decoder, String source, SourceStream raw, boolean closesCodec) {
        super(codec);
        this.decoder = decoder;
        this.source = source;
        this.raw = raw;
        this.closesCodec = closesCodec;
    }

    @Override
    public int read() throws IOException {
        try {
            return in.read();
        } catch (IOException | RuntimeException e) {
            throw rethrow(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return in.read(b, off, len);
        } catch (IOException | RuntimeException e) {
            throw rethrow(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return in.skip(n);
        } catch (IOException | RuntimeException e) {
            throw rethrow(e);
        }
    }

    @Override
    public int available() throws IOException {
        try {
            return in.available();
        } catch (IOException | RuntimeException e) {
            throw rethrow(e);
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() throws IOException {
        if (!closesCodec) {
            return;
        }
        try {
            in.close();
        } catch (IOException | RuntimeException e) {
            throw rethrow(e);
        }
    }

    private IOException rethrow(Exception e) throws IOException {
        if (e instanceof IOException io && raw.failed()) {
            throw io;
        }
        throw CodecFailures.translate(decoder, source, raw, e);
    }
}
