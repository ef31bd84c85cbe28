package io.ferry.core.template.internal;

/**
 * One piece of a parsed key template: literal text, a run placeholder such as {@code {{TABLE}}},
 * or a partition placeholder ({@code {column}}, {@code {column, '%Y'}}, {@code {N}}).
 * Internal: not part of Ferry's public API.
 */
public sealed interface Segment
        permits Segment.Literal, Segment.Variable, Segment.ColumnPartition, Segment.BucketPartition {

    /** Text copied into the key as written. */
    record Literal(String text) implements Segment {
    }

    /** A {@code {{NAME}}} placeholder filled from the key context. */
    record Variable(KeyVariable variable) implements Segment {
    }

    /**
     * A {@code {column}} or {@code {column, 'format'}} placeholder; {@code format} is null for the
     * plain form. {@code placeholder} is the text as written, for messages.
     */
    record ColumnPartition(String column, TimeFormat format, String placeholder) implements Segment {
    }

    /** A {@code {N}} placeholder: rows spread over {@code count} objects. */
    record BucketPartition(int count, String placeholder) implements Segment {
    }
}
