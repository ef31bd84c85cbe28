package io.ferry.formats.decode;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.FerryIoException;
import com.github.luben.zstd.ZstdInputStream;
import io.ferry.formats.decode.internal.CodecFailures;
import io.ferry.formats.decode.internal.CodecStream;
import io.ferry.formats.decode.internal.SourceStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.tukaani.xz.XZInputStream;

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
    /** The most memory an xz stream may need to decode: 80 MiB (preset 9 needs 65 MiB); more is corrupt data. */
    private static final int XZ_MEMORY_LIMIT_KIB = 80 * 1024;

    private final String name;
    private final Decoder decoder;
    private final SourceStream raw;
    private ZipArchiveInputStream zip;
    private boolean singleDone;
    private String partName;
    private InputStream part;
    private boolean closed;

    private DecodedInput(String name, Decoder decoder, InputStream raw) {
        this.name = name;
        this.decoder = decoder;
        this.raw = new SourceStream(raw);
    }

    /**
     * Opens {@code raw} (the file's bytes; owned by the result from now on).
     *
     * @param decoder how to decompress; {@link Decoder#AUTO} detects it
     * @param name    the file name or object key, for suffix detection and error messages
     * @param raw the file's bytes
     * @return the decoded input
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

    /** {@return the decoder in use (never AUTO)} */
    public Decoder decoder() {
        return decoder;
    }

    /**
     * Moves to the next part.
     *
     * @return false when there are no more parts
     * @throws FerryDataException if the compressed data or the archive is corrupt (naming the file,
     *                            or {@code name!entry})
     * @throws FerryIoException   if the raw stream fails
     */
    public boolean nextPart() {
        String at = partName == null ? name : partName;
        try {
            if (decoder == Decoder.ZIP) {
                if (zip == null) {
                    zip = new ZipArchiveInputStream(raw, "UTF-8", true, true);
                }
                ZipArchiveEntry e;
                while ((e = zip.getNextEntry()) != null) {
                    if (!e.isDirectory()) {
                        partName = name + "!" + e.getName();
                        // the archive stays open for the next entry when a reader closes this one
                        part = new CodecStream(zip, decoder, partName, raw, false);
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
            part = decoder == Decoder.NONE ? raw : new CodecStream(codec(decoder, raw), decoder, name, raw, true);
            return true;
        } catch (IOException | RuntimeException e) {
            throw CodecFailures.translate(decoder, at, raw, e);
        }
    }

    private static InputStream codec(Decoder decoder, InputStream raw) throws IOException {
        switch (decoder) {
            case GZIP:
                return GzipCompressorInputStream.builder().setInputStream(raw).setDecompressConcatenated(true).get();
            case BZIP2:
                return new BZip2CompressorInputStream(new BufferedInputStream(raw, BUFFER), true);
            case ZSTD:
                return new ZstdInputStream(new BufferedInputStream(raw, BUFFER));
            case XZ:
                return new XZInputStream(new BufferedInputStream(raw, BUFFER), XZ_MEMORY_LIMIT_KIB);
            default:
                throw new AssertionError(decoder);
        }
    }

    /** {@return the current part's name: the file name, or {@code name!entry} for a zip entry} */
    public String partName() {
        return partName;
    }

    /** {@return the current part's decompressed bytes} Closing it does not close the archive. */
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
