package io.ferry.formats.read.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.ferry.formats.read.ParserConfig;

/** The maximum record size as the readers apply it: messages and JSON parsers that respect it. */
final class RecordLimits {
    private static final JsonFactory DEFAULT_JSON = json(ParserConfig.DEFAULT_MAX_RECORD_SIZE);

    private RecordLimits() {
    }

    /** The reason of a bad row that is larger than the maximum; {@code detail} says how large. */
    static String tooLarge(ParserConfig config, String detail) {
        return detail + ", more than maxRecordSize (" + config.maxRecordSize() + " characters); raise maxRecordSize"
                + " (max_record_size) if such records are expected";
    }

    /** The reason of a bad row or value longer than the maximum, of unknown length: {@code what} names it. */
    static String longerThanMax(ParserConfig config, String what) {
        return what + " is longer than maxRecordSize (" + config.maxRecordSize() + " characters); raise"
                + " maxRecordSize (max_record_size) if such records are expected";
    }

    /** A JSON factory whose parsers refuse a string value longer than the config's maximum record size. */
    static JsonFactory json(ParserConfig config) {
        return config.maxRecordSize() == ParserConfig.DEFAULT_MAX_RECORD_SIZE ? DEFAULT_JSON : json(config.maxRecordSize());
    }

    private static JsonFactory json(int maxRecordSize) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(maxRecordSize).build())
                .build();
    }
}
