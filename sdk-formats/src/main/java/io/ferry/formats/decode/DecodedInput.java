package io.ferry.formats.decode;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.FerryIoException;
import io.ferry.formats.Compression;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The decompressed parts of one file: one part, or one per file entry of a zip archive, in
 * archive order. Streams, never buffering a whole part. Single-threaded; {@link #close()} closes
 * the raw stream and is safe to call twice.
 *
 * <pre>{@code
 * try (DecodedInput input = DecodedInput.open(Decoder.AUTO, "logs/a.csv.gz", raw)) {
 *     while (input.nextPart()) {
 *         read(input.partName(), input.part());
 *     }
 * }
 * }</pre>
 */
public final class DecodedInput implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;

    private final String name;
    private final Decoder decoder;
    private final InputStream raw;
    private ZipArchiveInputStream zip;
    private boolean singleDone;
    private String partName;
    private InputStream part;
    private boolean closed;

    private DecodedInput(String name, Decoder decoder, InputStream raw) {
        this.name = name;
        this.decoder = decoder;
        this.raw = raw;
    }

    /**
     * Opens {@code raw} (the file's bytes; owned by the result from now on).
     *
     * @param decoder how to decompress; {@link Decoder#AUTO} detects it
     * @param name    the file name or object key, for suffix detection and error messages
     * @throws FerryDataException if AUTO finds a codec suffix but not its magic bytes
     * @throws FerryIoException   if the stream cannot be read
     */
    public static DecodedInput open(Decoder decoder, String name, InputStream raw) {
        FerryConfigException.requireNonNull(decoder, "decoder");
        FerryConfigException.requireNonNull(name, "name");
        FerryConfigException.requireNonNull(raw, "raw");
        // detection needs mark/reset; in-memory streams have it already
        InputStream in = raw.markSupported() ? raw : new BufferedInputStream(raw, BUFFER);
        Decoder resolved = decoder == Decoder.AUTO ? detect(name, in) : decoder;
        return new DecodedInput(name, resolved, in);
    }

    private static Decoder detect(String name, InputStream in) {
        byte[] head = new byte[6];
        int n = 0;
        try {
            in.mark(head.length);
            while (n < head.length) {
                int r = in.read(head, n, head.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            in.reset();
        } catch (IOException e) {
            throw new FerryIoException("cannot read " + name + ": " + e.getMessage(), e);
        }
        Decoder byMagic = Decoder.fromMagic(head, n);
        Decoder bySuffix = Decoder.fromFileName(name);
        if (byMagic == Decoder.NONE && bySuffix != Decoder.NONE && n > 0) {
            throw new FerryDataException(name, 0, null, "the name ends like " + bySuffix
                    + " data but the bytes do not start with its magic number; if the file is plain text set"
                    + " decoder(NONE)");
        }
        return byMagic;
    }

    /** The decoder in use (never AUTO). */
    public Decoder decoder() {
        return decoder;
    }

    /**
     * Moves to the next part.
     *
     * @return false when there are no more parts
     * @throws FerryIoException if the archive cannot be read
     */
    public boolean nextPart() {
        try {
            if (decoder == Decoder.ZIP) {
                if (zip == null) {
                    zip = new ZipArchiveInputStream(raw, "UTF-8", true, true);
                }
                ZipArchiveEntry e;
                while ((e = zip.getNextEntry()) != null) {
                    if (!e.isDirectory()) {
                        partName = name + "!" + e.getName();
                        part = new FilterInputStream(zip) {
                            @Override
                            public void close() {
                                // the archive stays open for the next entry
                            }
                        };
                        return true;
                    }
                }
                return false;
            }
            if (singleDone) {
                return false;
            }
            singleDone = true;
            partName = name;
            part = codec(decoder, raw);
            return true;
        } catch (IOException e) {
            throw new FerryDataException(name, 0, null, "cannot read the " + decoder + " data: " + e.getMessage(), e);
        }
    }

    private static InputStream codec(Decoder decoder, InputStream raw) throws IOException {
        switch (decoder) {
            case NONE:
                return raw;
            case GZIP:
                return GzipCompressorInputStream.builder().setInputStream(raw).setDecompressConcatenated(true).get();
            case BZIP2:
                return Compression.BZIP2.unwrap(raw);
            case ZSTD:
                return Compression.ZSTD.unwrap(raw);
            case XZ:
                return Compression.XZ.unwrap(raw);
            default:
                throw new AssertionError(decoder);
        }
    }

    /** The current part's name: the file name, or {@code name!entry} for a zip entry. */
    public String partName() {
        return partName;
    }

    /** The current part's decompressed bytes. Closing it does not close the archive. */
    public InputStream part() {
        if (part == null) {
            throw new IllegalStateException("call nextPart() first");
        }
        return part;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                if (zip != null) {
                    zip.close();
                }
                raw.close();
            } catch (IOException e) {
                throw new FerryIoException("cannot close " + name + ": " + e.getMessage(), e);
            }
        }
    }
}
