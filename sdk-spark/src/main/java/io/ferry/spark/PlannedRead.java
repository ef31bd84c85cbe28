package io.ferry.spark;

import io.ferry.core.incremental.IncrementalState;
import io.ferry.s3.imports.ImportSelection;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A read planned on the driver by {@link FerrySpark#planRead}: the DataFrame over exactly the
 * selected objects, the selection, and the incremental state to store once the job that reads
 * the DataFrame has succeeded. Immutable.
 */
public final class PlannedRead {
    private final Dataset<Row> dataset;
    private final ImportSelection selection;

    PlannedRead(Dataset<Row> dataset, ImportSelection selection) {
        this.dataset = dataset;
        this.selection = selection;
    }

    /** {@return the DataFrame that reads the selected objects} */
    public Dataset<Row> dataset() {
        return dataset;
    }

    /** {@return the selected objects, parser and schema} */
    public ImportSelection selection() {
        return selection;
    }

    /**
     * {@return the state for the next run; store it only after the job succeeded} Empty when the
     * read is not incremental.
     */
    public Optional<IncrementalState> nextState() {
        return selection.nextState();
    }

    @Override
    public String toString() {
        return "PlannedRead[" + selection.objects().size() + " objects, " + selection.bytes() + " bytes]";
    }
}
