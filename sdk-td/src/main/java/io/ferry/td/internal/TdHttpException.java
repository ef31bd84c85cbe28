package io.ferry.td.internal;

import io.ferry.core.FerryIoException;

/** A Treasure Data API call answered with an error status, after any retries. */
public final class TdHttpException extends FerryIoException {
    private static final long serialVersionUID = 1L;

    private final int status;

    TdHttpException(String message, int status) {
        super(message, null, RetryPolicy.isRetryableStatus(status));
        this.status = status;
    }

    /** The HTTP status of the last answer. */
    public int status() {
        return status;
    }
}
