package io.ferry.spark;

import io.ferry.core.FerryConfigException;
import io.ferry.core.incremental.IncrementalState;
import io.ferry.s3.imports.ImportSelection;
import io.ferry.spark.internal.ImportOptions;
import io.ferry.spark.internal.PlanRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Driver-side calls for what a plain {@code spark.read().format("ferry")} cannot return: an
 * incremental read's next state.
 *
 * <pre>{@code
 * IncrementalState state = store.load();                       // null on the first run
 * PlannedRead read = FerrySpark.planRead(spark, options, state);
 * read.dataset().write().format("ferry-td")...save();          // the job
 * read.nextState().ifPresent(store::save);                     // only after the job succeeded
 * }</pre>
 */
public final class FerrySpark {
    private FerrySpark() {
    }

    /**
     * Plans a read on the driver (list, select from {@code state}, guess the parser when the options
     * give none) and returns its DataFrame with the selection and the state of the next run. The
     * DataFrame reads exactly the planned objects, however often it is evaluated.
     *
     * @param spark   the session
     * @param options the {@code format("ferry")} read options (docs/spark.md)
     * @param state   where the previous run stopped, or null for the options' own start
     *                ({@code last_path}, {@code modified_after}, or everything)
     * @return the planned read
     * @throws FerryConfigException naming the option at fault
     * @throws io.ferry.core.FerryIoException if listing S3 fails
     */
    public static PlannedRead planRead(SparkSession spark, Map<String, String> options, IncrementalState state) {
        FerryConfigException.requireNonNull(spark, "spark");
        FerryConfigException.requireNonNull(options, "options");
        ImportSelection selection = ImportOptions.parse(options).builder(state).build().plan();
        String id = PlanRegistry.register(selection);
        try {
            Map<String, String> withPlan = new HashMap<>(options);
            withPlan.put(PlanRegistry.OPTION, id);
            Dataset<Row> df = spark.read().format(FerrySource.SHORT_NAME).options(withPlan).load();
            return new PlannedRead(df, selection);
        } finally {
            PlanRegistry.remove(id);
        }
    }
}
