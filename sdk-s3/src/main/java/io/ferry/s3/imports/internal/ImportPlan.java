package io.ferry.s3.imports.internal;

import io.ferry.core.filter.FilterChain;
import io.ferry.core.incremental.ObjectSelector;
import io.ferry.formats.decode.Decoder;
import io.ferry.formats.read.BadRowPolicy;
import io.ferry.formats.read.ParserConfig;
import io.ferry.s3.S3Connection;
import io.ferry.s3.imports.ImportListener;
import java.time.Clock;

/**
 * What one import does, fixed when {@code S3Import.build()} has checked the settings: where to
 * connect, which objects to take (the selector holds the prefix, pattern and start), how to read
 * them and what to report.
 *
 * @param connection       the connection options; a client lease is opened per call
 * @param bucket           the bucket
 * @param selector         prefix, pattern, archived objects and the start state
 * @param failOnNoFiles    whether a run that selects nothing throws
 * @param parser           the parser config, or null to guess one from the first object at each call
 * @param badRows          overrides the parser's bad-row policy when not null
 * @param decoder          how objects are decompressed
 * @param filters          applied to every record before the sink
 * @param maxBufferedBytes memory for objects downloaded ahead
 * @param readAttempts     the most GetObject (or ListObjectsV2 page) calls per object when connections break
 * @param objectsAhead     objects downloaded at once; 0 for the connection's {@code maxConcurrency}
 * @param clock            dates listings (modified-time mode)
 * @param incremental      whether the result carries the next state
 * @param listener         receives the events of {@code run}
 */
public record ImportPlan(S3Connection connection, String bucket, ObjectSelector selector, boolean failOnNoFiles,
                         ParserConfig parser, BadRowPolicy badRows, Decoder decoder, FilterChain filters,
                         long maxBufferedBytes, int readAttempts, int objectsAhead, Clock clock, boolean incremental,
                         ImportListener listener) {
    /** The key prefix, the selector's. */
    public String prefix() {
        return selector.prefix();
    }

    /** The parallel GetObject calls: {@code objectsAhead}, or the connection's {@code maxConcurrency}. */
    public int concurrency() {
        return objectsAhead > 0 ? objectsAhead : connection.maxConcurrency();
    }
}
