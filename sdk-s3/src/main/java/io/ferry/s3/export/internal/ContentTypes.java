package io.ferry.s3.export.internal;

import io.ferry.formats.Compression;
import io.ferry.formats.FileFormat;

/**
 * The Content-Type of an exported object: the format's type when uncompressed, else the
 * compression's own type. No Content-Encoding is set, so clients download exactly the bytes the
 * key's extension promises ({@code .csv.gz} stays gzip).
 */
final class ContentTypes {
    private ContentTypes() {
    }

    static String of(FileFormat format, Compression compression) {
        switch (compression) {
            case NONE:
                return format.contentType();
            case GZIP:
                return "application/gzip";
            case ZSTD:
                return "application/zstd";
            case BZIP2:
                return "application/x-bzip2";
            case XZ:
                return "application/x-xz";
            default:
                throw new AssertionError(compression);
        }
    }
}
