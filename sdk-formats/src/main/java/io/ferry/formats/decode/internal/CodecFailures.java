package io.ferry.formats.decode.internal;

import io.ferry.core.FerryDataException;
import io.ferry.core.FerryException;
import io.ferry.core.FerryIoException;
import io.ferry.formats.decode.Decoder;
import java.io.IOException;

/**
 * Turns what a codec library throws into Ferry's exceptions: a failure of the raw stream stays an
 * I/O failure, anything else (an {@link IOException} or a {@link RuntimeException} such as the
 * NullPointerException of a malformed zip entry) is corrupt data, a {@link FerryDataException}
 * naming the source ({@code key} or {@code key!entry}).
 */
public final class CodecFailures {
    private CodecFailures() {
    }

    /** The exception to throw for {@code e}, which reading {@code source} through {@code decoder} raised. */
    public static RuntimeException translate(Decoder decoder, String source, SourceStream raw, Exception e) {
        if (e instanceof FerryException f) {
            return f;
        }
        if (raw.failed()) {
            if (e instanceof RuntimeException r) {
                return r;
            }
            return new FerryIoException("cannot read " + source + ": " + e.getMessage(), e);
        }
        return corrupt(decoder, source, e);
    }

    /** The data error for {@code e}, raised by the codec on data that is not valid {@code decoder} data. */
    public static FerryDataException corrupt(Decoder decoder, String source, Exception e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new FerryDataException(source, 0, null, "cannot decode the " + decoder + " data, it is corrupt or"
                + " not " + decoder + " (" + detail + "); check the file, or set the decoder if it is detected wrongly",
                e);
    }
}
