package io.ferry.s3.export.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.core.credentials.AnonymousCredentials;
import io.ferry.core.template.KeyTemplate;
import io.ferry.formats.Compression;
import io.ferry.formats.FileFormat;
import io.ferry.s3.S3Connection;

/** The checks across export options that {@code S3Export.Builder.build()} runs, each naming the option to fix. */
public final class ExportChecks {
    private ExportChecks() {
    }

    /**
     * Checks that file compression is only set on formats that take it.
     *
     * @throws FerryConfigException if file compression is set on a format that compresses internally
     */
    public static void compression(FileFormat format, Compression compression) {
        if (compression != Compression.NONE && !format.supportsFileCompression()) {
            throw new FerryConfigException("compression", format.extension() + " compresses internally; set"
                    + " compression to NONE and choose the codec on the format");
        }
    }

    /**
     * Checks a compression level against the codec, and that a level is set only with a codec.
     *
     * @param level the level set, or null for the codec's default
     * @throws FerryConfigException naming {@code compressionLevel} if the codec does not take it
     */
    public static void compressionLevel(Compression compression, Integer level) {
        if (level != null) {
            compression.checkLevel(level, "compressionLevel");
        }
    }

    /**
     * Checks that the connection can write.
     *
     * @throws FerryConfigException if the connection uses anonymous credentials
     */
    public static void credentials(S3Connection connection) {
        if (connection.credentials().filter(AnonymousCredentials.class::isInstance).isPresent()) {
            throw new FerryConfigException("credentials", "anonymous credentials cannot write to S3; use basic,"
                    + " session, assumeRole, profile or defaultChain credentials");
        }
    }

    /**
     * Checks that a rotating export can give each new object its own key.
     *
     * @param path the key template as given, quoted in the message
     * @throws FerryConfigException if rotation is on but every object of a partition would get the same key
     */
    public static void rotation(String path, KeyTemplate template, Rotation rotation) {
        if (rotation.enabled() && !template.hasUuid() && !template.isPartitioned()) {
            throw new FerryConfigException("path", "rotation (maxRowsPerObject, maxBytesPerObject, rotateInterval)"
                    + " writes several objects, so path must contain {{UUID}} or a partition such as {4}; was '"
                    + path + "'");
        }
    }
}
