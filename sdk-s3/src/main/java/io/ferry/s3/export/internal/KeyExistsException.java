package io.ferry.s3.export.internal;

import io.ferry.core.FerryIoException;

/** A conditional write found the key taken ({@code 412 Precondition Failed}). */
public final class KeyExistsException extends FerryIoException {
    private static final long serialVersionUID = 1L;

    KeyExistsException(String bucket, String key, Throwable cause) {
        super("s3://" + bucket + "/" + key + " was created by another writer while this export was writing it;"
                + " nothing was overwritten. Run the export again to write it under a new name", cause, true);
    }
}
