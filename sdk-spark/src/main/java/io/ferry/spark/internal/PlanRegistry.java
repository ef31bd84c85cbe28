package io.ferry.spark.internal;

import io.ferry.s3.imports.ImportSelection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands a selection planned by {@code FerrySpark.planRead} to the {@code FerrySource} that Spark
 * creates during {@code load()}, on the driver, through a private option that names it. The entry
 * lives only for the {@code load()} call: the table keeps the selection after that.
 */
public final class PlanRegistry {
    /** The option that names a registered selection. */
    public static final String OPTION = "__ferry_plan";
    private static final Map<String, ImportSelection> PLANS = new ConcurrentHashMap<>();

    private PlanRegistry() {
    }

    /** {@return the id under which the selection is registered until {@link #remove}} */
    public static String register(ImportSelection selection) {
        String id = UUID.randomUUID().toString();
        PLANS.put(id, selection);
        return id;
    }

    /** Forgets a registration. */
    public static void remove(String id) {
        PLANS.remove(id);
    }

    /** {@return the selection the options name, if any} */
    public static Optional<ImportSelection> lookup(Map<String, String> options) {
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase(OPTION)) {
                return Optional.ofNullable(PLANS.get(e.getValue()));
            }
        }
        return Optional.empty();
    }
}
