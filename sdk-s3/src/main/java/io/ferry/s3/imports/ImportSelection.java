package io.ferry.s3.imports;

import io.ferry.core.FerryConfigException;
import io.ferry.core.incremental.IncrementalState;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Schema;
import io.ferry.formats.read.ParserConfig;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * What an {@link S3Import#plan()} chose, listed and selected once by a coordinator (a Spark
 * driver, a scheduler) and then read in pieces by workers: the selected objects in listing (key)
 * order, the archived objects skipped, the parser config (guessed once when the import guesses,
 * so workers never guess), the schema the records have after the import's filters, and the
 * incremental state to store once every object was read. Immutable and {@link Serializable}.
 *
 * <pre>{@code
 * ImportSelection sel = imp.plan();                               // coordinator
 * for (List<SelectedObject> group : sel.groups()) {               // one task per group
 *     // on a worker, with an S3Import built from the same options:
 *     try (RecordReader reader = imp.open(group, sel.parser().orElseThrow())) {
 *         for (Record r = reader.read(); r != null; r = reader.read()) { ... }
 *     }
 * }
 * // after every group succeeded:
 * sel.nextState().ifPresent(s -> stateStore.save("daily_import", s.toJson()));
 * }</pre>
 *
 * @serial exclude
 */
public final class ImportSelection implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String bucket;
    private final List<SelectedObject> objects;
    private final List<String> skippedArchived;
    private final ParserConfig parser;
    private final Schema schema;
    private final IncrementalState nextState;

    private ImportSelection(String bucket, List<SelectedObject> objects, List<String> skippedArchived,
                            ParserConfig parser, Schema schema, IncrementalState nextState) {
        this.bucket = FerryConfigException.requireNonNull(bucket, "bucket");
        this.objects = List.copyOf(objects);
        this.skippedArchived = List.copyOf(skippedArchived);
        if ((parser == null) != (schema == null)) {
            throw new FerryConfigException("schema", "a selection has both a parser and a schema or neither");
        }
        this.parser = parser;
        this.schema = schema;
        this.nextState = nextState;
    }

    /**
     * A selection; {@link S3Import#plan()} makes them, tests and other planners can too.
     *
     * @param bucket          the bucket the keys are in, not null
     * @param objects         the selected objects in the order to read them, not null
     * @param skippedArchived keys of archived objects that were skipped, not null
     * @param parser          the parser config, or null when nothing was selected and the import guesses
     * @param schema          the schema of the records after the import's filters; null exactly when {@code parser} is
     * @param nextState       the state for the next run, or null when the import is not incremental
     * @return the selection
     * @throws FerryConfigException if a required value is null, or only one of parser and schema is given
     */
    public static ImportSelection of(String bucket, List<SelectedObject> objects, List<String> skippedArchived,
                                     ParserConfig parser, Schema schema, IncrementalState nextState) {
        FerryConfigException.requireNonNull(objects, "objects");
        FerryConfigException.requireNonNull(skippedArchived, "skippedArchived");
        return new ImportSelection(bucket, objects, skippedArchived, parser, schema, nextState);
    }

    /** {@return the bucket the keys are in} */
    public String bucket() {
        return bucket;
    }

    /** {@return the selected objects, in listing (key) order; may be empty} */
    public List<SelectedObject> objects() {
        return objects;
    }

    /** {@return the total stored bytes of the selected objects} */
    public long bytes() {
        return objects.stream().mapToLong(SelectedObject::size).sum();
    }

    /** {@return keys of archived objects skipped with {@code skipGlacierObjects(true)}, in key order} */
    public List<String> skippedArchived() {
        return skippedArchived;
    }

    /**
     * {@return the parser config to read every object with: the import's (with its bad-row
     * override), or the one guessed from the first selected object} Empty only when nothing was
     * selected and the import guesses.
     */
    public Optional<ParserConfig> parser() {
        return Optional.ofNullable(parser);
    }

    /** {@return the schema of the records after the import's filters; empty exactly when {@link #parser()} is} */
    public Optional<Schema> schema() {
        return Optional.ofNullable(schema);
    }

    /**
     * {@return the state for the next incremental run, the one {@link S3Import#run} would return;
     * empty when the import is not incremental} Store it only after every object was read.
     */
    public Optional<IncrementalState> nextState() {
        return Optional.ofNullable(nextState);
    }

    /**
     * {@return the objects in groups of up to 128 MB plus 1 MB per object, see {@link ObjectGroups#pack(List)}}
     */
    public List<List<SelectedObject>> groups() {
        return ObjectGroups.pack(objects);
    }

    /**
     * The objects in groups of up to {@code targetBytes}; see {@link ObjectGroups#pack(List, long, long)}.
     *
     * @param targetBytes the largest group, counting {@code openCostBytes} per object, at least 1
     * @param openCostBytes bytes counted per object for the cost of opening it, 0 or more
     * @return the groups
     */
    public List<List<SelectedObject>> groups(long targetBytes, long openCostBytes) {
        return ObjectGroups.pack(objects, targetBytes, openCostBytes);
    }

    @Override
    public String toString() {
        return "ImportSelection{bucket=" + bucket + ", objects=" + objects.size() + ", bytes=" + bytes()
                + ", skippedArchived=" + skippedArchived.size() + ", nextState="
                + (nextState == null ? "none" : nextState.toJson()) + "}";
    }

    /**
     * Serializes a {@code Form} in place of this object.
     *
     * @return the serialized form
     */
    @Serial
    private Object writeReplace() {
        return new Form(this);
    }

    /**
     * Refuses a stream that holds this class's fields instead of its serialized form.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("an ImportSelection is read through its serialized form");
    }

    /** The serialized form: the parser and the state as their JSON, the schema as names and types. */
    private static final class Form implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String bucket;
        private final List<SelectedObject> objects;
        private final List<String> skippedArchived;
        private final String parserJson;
        private final List<String> columnNames;
        private final List<ColumnType> columnTypes;
        private final String nextStateJson;

        Form(ImportSelection s) {
            bucket = s.bucket;
            objects = s.objects;
            skippedArchived = s.skippedArchived;
            parserJson = s.parser == null ? null : s.parser.toJson();
            columnNames = s.schema == null ? null : s.schema.names();
            columnTypes = s.schema == null ? null : s.schema.columns().stream().map(Column::type).toList();
            nextStateJson = s.nextState == null ? null : s.nextState.toJson();
        }

        @Serial
        private Object readResolve() {
            Schema schema = null;
            if (columnNames != null) {
                Column[] columns = new Column[columnNames.size()];
                for (int i = 0; i < columns.length; i++) {
                    columns[i] = Column.of(columnNames.get(i), columnTypes.get(i));
                }
                schema = Schema.of(columns);
            }
            return new ImportSelection(bucket, objects, skippedArchived,
                    parserJson == null ? null : ParserConfig.fromJson(parserJson), schema,
                    nextStateJson == null ? null : IncrementalState.fromJson(nextStateJson));
        }
    }
}
