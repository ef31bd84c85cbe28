package io.ferry.core.template;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Schema;
import io.ferry.core.template.internal.KeyVariable;
import io.ferry.core.template.internal.Segment;
import io.ferry.core.template.internal.TemplateParser;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An object key template such as {@code exports/{{TABLE}}/dt={{YEAR}}-{{MONTH}}-{{DAY}}/{{UUID}}.{{FORMAT}}}
 * or {@code invoices/{customer_id}/dump_{4}.csv}. Parsed once, then {@link #bind bound} to a schema
 * and a file format to render keys. Immutable and thread-safe.
 *
 * <pre>{@code
 * KeyTemplate t = KeyTemplate.parse("invoices/{customer_id}/dump_{4}");
 * BoundKeyTemplate keys = t.bind(schema, "csv", ".gz");
 * PartitionKey p = keys.partitionOf(record, 1); // a record of customer ACME, at row index 1
 * String key = keys.render(p, KeyContext.builder().table("invoices").build()); // invoices/ACME/dump_1.csv.gz
 * }</pre>
 *
 * <p><b>Run placeholders</b>: {@code {{TABLE}}}, {@code {{TABLE_HYPHEN}}} (underscores become
 * hyphens), {@code {{SYNC_ID}}}, {@code {{UUID}}}, {@code {{WRITER}}} (the id of the writer that
 * writes the object, so that several writers of one export never choose the same key),
 * {@code {{FORMAT}}} (extension plus compression
 * suffix, e.g. {@code csv.gz}), {@code {{YEAR}}}, {@code {{MONTH}}}, {@code {{DAY}}},
 * {@code {{HOUR}}}, {@code {{MINUTE}}} (from {@link KeyContext#startedAt()}, in UTC, zero padded).
 *
 * <p><b>Partition placeholders</b>: {@code {column}} (one object per value),
 * {@code {column, '%Y%m%d-%H'}} (a TIMESTAMP or LONG epoch-seconds column formatted with
 * {@code %Y %m %d %H %i} in the partition zone, UTC by default) and {@code {N}} (rows spread over
 * N objects numbered 0..N-1, N from 1 to 16, at most one per template). They combine freely.
 *
 * <p><b>Extension</b>: when the last path segment does not end with an extension (a final
 * {@code .} followed by 1 to 10 letters or digits, at least one a letter) or with
 * {@code {{FORMAT}}}, {@code .} + extension + compression suffix is appended: {@code daily_prices}
 * becomes {@code daily_prices.csv.gz}. A key that has an extension is kept as written.
 *
 * <p><b>Encoding</b>: values put into a key (partition values and the run values) never change
 * its folder structure: {@code %}, {@code /} and {@code \} are percent-encoded ({@code a/b} gives
 * {@code a%2Fb}), so are both dots of {@code ..} (every dot of a run of two or more) and a value
 * that is just {@code .}, control characters, format characters (such as bidi overrides),
 * line and paragraph separators, spaces other than U+0020, private-use, unassigned and lone
 * surrogate code points (each UTF-8 byte as {@code %XX}, upper-case hex). A null value becomes
 * {@code __null__}, an empty one {@code __empty__}; a real value equal to one of these tokens gets
 * its first {@code _} encoded ({@code %5F_null__}), so the encoding stays unambiguous.
 *
 * <p><b>Errors</b>: {@link #parse} throws {@link FerryConfigException} (option {@code path}, or the
 * option given to {@link #parse(String, ZoneId, String)}) naming
 * the placeholder for an unknown {@code {{X}}}, unbalanced braces, an unsupported {@code %} code,
 * an N outside 1..16, a {@code .} or {@code ..} folder or a trailing {@code /}; {@link #bind}
 * for an unknown column or a time format on a column that is not TIMESTAMP or LONG.
 *
 * <p>A leading {@code /} is removed with a warning: S3 keys have no leading slash.
 */
public final class KeyTemplate {
    private static final Logger LOG = LoggerFactory.getLogger(KeyTemplate.class);
    private static final Pattern EXTENSION = Pattern.compile("\\.(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{1,10}$");

    private final String template;
    private final ZoneId partitionZone;
    private final String option;
    private final List<Segment> segments;

    private KeyTemplate(String template, ZoneId partitionZone, String option, List<Segment> segments) {
        this.template = template;
        this.partitionZone = partitionZone;
        this.option = option;
        this.segments = segments;
    }

    /**
     * Parses a template whose time partitions are formatted in UTC.
     *
     * @param template the key template; not null
     * @return the parsed template
     * @throws FerryConfigException (option {@code path}) if the template is malformed
     */
    public static KeyTemplate parse(String template) {
        return parse(template, ZoneOffset.UTC);
    }

    /**
     * Parses a template.
     *
     * @param template      the key template; not null
     * @param partitionZone the zone in which {@code {column, '%..'}} codes are computed; not null
     *                      ({@code {{YEAR}}} and the other run placeholders stay in UTC)
     * @return the parsed template
     * @throws FerryConfigException (option {@code path}) if the template is malformed
     */
    public static KeyTemplate parse(String template, ZoneId partitionZone) {
        return parse(template, partitionZone, "path");
    }

    /**
     * Parses a template whose time partitions are formatted in UTC, naming {@code option} in errors.
     *
     * @param template the key template; not null
     * @param option   the option the template was given as, named by every {@link FerryConfigException}
     *                 of {@link #parse} and {@link #bind}, e.g. {@code path} or {@code keyTemplate}; not null
     * @return the parsed template
     * @throws FerryConfigException (for {@code option}) if the template is malformed
     */
    public static KeyTemplate parse(String template, String option) {
        return parse(template, ZoneOffset.UTC, option);
    }

    /**
     * Parses a template, naming {@code option} in errors.
     *
     * <pre>{@code
     * KeyTemplate t = KeyTemplate.parse(config.get("prefix"), ZoneId.of("Asia/Tokyo"), "prefix");
     * }</pre>
     *
     * @param template      the key template; not null
     * @param partitionZone the zone in which {@code {column, '%..'}} codes are computed; not null
     *                      ({@code {{YEAR}}} and the other run placeholders stay in UTC)
     * @param option        the option the template was given as, named by every
     *                      {@link FerryConfigException} of {@link #parse} and {@link #bind}; not null.
     *                      It is not part of {@link #equals}: two templates of the same text and zone
     *                      are equal whatever option they came from
     * @return the parsed template
     * @throws FerryConfigException (for {@code option}) if the template is malformed
     */
    public static KeyTemplate parse(String template, ZoneId partitionZone, String option) {
        FerryConfigException.requireNonNull(template, "template");
        FerryConfigException.requireNonNull(partitionZone, "partitionZone");
        FerryConfigException.requireNonNull(option, "option");
        if (option.isBlank()) {
            throw new FerryConfigException("option", "the option name is blank; give the name errors should"
                    + " point at, such as 'path'");
        }
        String normalized = template;
        int slashes = 0;
        while (slashes < normalized.length() && normalized.charAt(slashes) == '/') {
            slashes++;
        }
        if (slashes > 0) {
            normalized = normalized.substring(slashes);
            LOG.warn("Key template '{}' starts with '/'; S3 keys have no leading slash, using '{}'",
                    template, normalized);
        }
        if (normalized.isBlank()) {
            throw new FerryConfigException(option, "the key template is empty; give an object key such as "
                    + "'exports/{{TABLE}}.csv' or 'path/to/file.csv'");
        }
        return new KeyTemplate(normalized, partitionZone, option, TemplateParser.parse(normalized, option));
    }

    /** {@return the template as parsed, without a leading {@code /}} */
    public String template() {
        return template;
    }

    /** {@return the zone in which time partition codes are computed} */
    public ZoneId partitionZone() {
        return partitionZone;
    }

    /**
     * {@return whether the template has a partition placeholder: {@code {col}}, {@code {col, '%fmt'}} or {@code {N}}}
     */
    public boolean isPartitioned() {
        return segments.stream().anyMatch(s -> s instanceof Segment.ColumnPartition
                || s instanceof Segment.BucketPartition);
    }

    /** {@return whether the template contains {@code {{UUID}}}} */
    public boolean hasUuid() {
        return segments.contains(new Segment.Variable(KeyVariable.UUID));
    }

    /** {@return whether the template contains {@code {{WRITER}}}} */
    public boolean hasWriter() {
        return segments.contains(new Segment.Variable(KeyVariable.WRITER));
    }

    /** {@return the columns named by partition placeholders, in template order; unmodifiable} */
    public Set<String> partitionColumns() {
        Set<String> columns = new LinkedHashSet<>();
        for (Segment s : segments) {
            if (s instanceof Segment.ColumnPartition p) {
                columns.add(p.column());
            }
        }
        return Collections.unmodifiableSet(columns);
    }

    /** {@return whether keys rendered from this template have no placeholder at all: one object} */
    public boolean isConstant() {
        return segments.stream().allMatch(s -> s instanceof Segment.Literal);
    }

    /**
     * Binds the template to a schema and a file format.
     *
     * @param schema            the schema of the exported records; not null
     * @param extension         the format's extension without a dot, e.g. {@code csv}, {@code parquet}
     * @param compressionSuffix the compression suffix with its dot, e.g. {@code .gz}, or {@code ""}
     *                          (null and a missing dot are accepted)
     * @return the bound template
     * @throws FerryConfigException (option {@code path}, or the option given to {@code parse}) naming
     *                              the placeholder, for an unknown
     *                              column or a time format on a column that is not TIMESTAMP or LONG
     */
    public BoundKeyTemplate bind(Schema schema, String extension, String compressionSuffix) {
        FerryConfigException.requireNonNull(schema, "schema");
        FerryConfigException.requireNonNull(extension, "extension");
        String ext = extension.startsWith(".") ? extension.substring(1) : extension;
        if (ext.isEmpty()) {
            throw new FerryConfigException("format", "the file extension must not be empty");
        }
        String suffix = compressionSuffix == null || compressionSuffix.isEmpty() || compressionSuffix.startsWith(".")
                ? (compressionSuffix == null ? "" : compressionSuffix)
                : "." + compressionSuffix;
        for (Segment s : segments) {
            if (s instanceof Segment.ColumnPartition p) {
                checkColumn(schema, p);
            }
        }
        String format = ext + suffix;
        return new BoundKeyTemplate(this, segments, schema, format, needsExtension(format));
    }

    private void checkColumn(Schema schema, Segment.ColumnPartition p) {
        Column column = schema.findColumn(p.column()).orElseThrow(() -> new FerryConfigException(option,
                "key template '" + template + "': placeholder " + p.placeholder() + " names column '"
                        + p.column() + "', which is not in the schema; the columns are " + schema.names()));
        if (p.format() != null && column.type() != ColumnType.TIMESTAMP && column.type() != ColumnType.LONG) {
            throw new FerryConfigException(option, "key template '" + template + "': placeholder "
                    + p.placeholder() + " formats column '" + p.column() + "' as a time, but it is "
                    + column.type() + "; time formats need a TIMESTAMP or LONG (epoch seconds) column, "
                    + "or write {" + p.column() + "} without a format");
        }
    }

    private boolean needsExtension(String format) {
        Segment last = segments.get(segments.size() - 1);
        if (last.equals(new Segment.Variable(KeyVariable.FORMAT))) {
            return false;
        }
        if (!(last instanceof Segment.Literal literal)) {
            return true;
        }
        String text = literal.text();
        String tail = text.substring(text.lastIndexOf('/') + 1);
        if (!EXTENSION.matcher(tail).find()) {
            return true;
        }
        if (!tail.endsWith("." + format)) {
            LOG.warn("Key template '{}' ends with its own extension; objects are {} but their keys are kept "
                    + "as written", template, format);
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyTemplate other && other.template.equals(template)
                && other.partitionZone.equals(partitionZone);
    }

    @Override
    public int hashCode() {
        return template.hashCode() * 31 + partitionZone.hashCode();
    }

    @Override
    public String toString() {
        return template;
    }
}
