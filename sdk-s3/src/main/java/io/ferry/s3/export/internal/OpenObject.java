package io.ferry.s3.export.internal;

import io.ferry.formats.FormatWriter;
import io.ferry.s3.export.ExportedObject;
import java.time.Instant;

/** An object being written: its encoder, its upload stream and its counters. */
final class OpenObject {
    final MultipartObjectOutput out;
    FormatWriter writer;
    final Instant startedAt;
    final String candidateKey;
    long rows;
    /** Under REPLACE, whether the key existed before the commit (null: unknown); set by the {@link Publisher}. */
    Boolean existedBefore;
    /** The published object; set by the {@link Publisher}. */
    ExportedObject result;

    OpenObject(MultipartObjectOutput out, FormatWriter writer, Instant startedAt, String candidateKey) {
        this.out = out;
        this.writer = writer;
        this.startedAt = startedAt;
        this.candidateKey = candidateKey;
    }

    /**
     * Closes the encoder once and lets it go, so that an object finished before commit keeps only
     * its upload, not the encoder's buffers (an export may finish thousands early).
     */
    void closeWriter() {
        if (writer != null) {
            FormatWriter w = writer;
            writer = null;
            w.close();
        }
    }
}
