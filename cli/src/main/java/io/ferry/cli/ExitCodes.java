package io.ferry.cli;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.FerryIoException;

/**
 * The exit codes scripts branch on. picocli itself answers 2 for a usage error.
 */
final class ExitCodes {
    /** The command did what it was asked. */
    static final int OK = 0;
    /** Anything not classified below: a bug, an unexpected runtime failure. */
    static final int FAILURE = 1;
    /** The command line is wrong: unknown option, missing parameter (picocli's own code). */
    static final int USAGE = 2;
    /** The configuration is wrong: a bad config key or value, a missing credential ({@link FerryConfigException}). */
    static final int CONFIG = 3;
    /** The input data is wrong: a bad row, nothing to guess from ({@link FerryDataException}). */
    static final int DATA = 4;
    /** A remote or local I/O failure: S3, Treasure Data, a file ({@link FerryIoException}). */
    static final int IO = 5;

    private ExitCodes() {
    }

    /** The exit code for a failure. */
    static int of(Throwable t) {
        if (t instanceof FerryConfigException) {
            return CONFIG;
        }
        if (t instanceof FerryDataException) {
            return DATA;
        }
        if (t instanceof FerryIoException) {
            return IO;
        }
        return FAILURE;
    }
}
