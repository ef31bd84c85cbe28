package io.ferry.formats.parquet.internal;

import io.ferry.core.FerryConfigException;
import java.util.List;
import java.util.Optional;

/**
 * Whether the Parquet libraries are on the class path. sdk-formats depends on parquet-avro, but an
 * application that never writes Parquet may leave it out with a Maven exclusion (the README's
 * "What you download" says how); {@code ParquetFormat} then fails here, with a message that says
 * what is missing and how to get it back, instead of with a {@code NoClassDefFoundError} from
 * inside a writer. Looks the classes up once, without initializing them.
 */
public final class ParquetLibrary {
    /** One class from each jar the Parquet writer cannot do without: parquet-avro, parquet-hadoop, avro. */
    static final List<String> REQUIRED_CLASSES = List.of(
            "org.apache.parquet.avro.AvroParquetWriter",
            "org.apache.parquet.hadoop.ParquetWriter",
            "org.apache.avro.generic.GenericData");

    private static final Optional<String> MISSING =
            firstMissing(REQUIRED_CLASSES, ParquetLibrary.class.getClassLoader());

    private ParquetLibrary() {
    }

    /**
     * Returns normally when Parquet can be written.
     *
     * @throws FerryConfigException (option {@code format}) if a Parquet library is not on the class path
     */
    public static void requirePresent() {
        if (MISSING.isPresent()) {
            throw missing(MISSING.get());
        }
    }

    /** The first of {@code classNames} that {@code loader} cannot find, if any. */
    static Optional<String> firstMissing(List<String> classNames, ClassLoader loader) {
        for (String name : classNames) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** The error for a missing class: what is missing and the two ways out. */
    static FerryConfigException missing(String className) {
        return new FerryConfigException("format", "Parquet output needs parquet-avro and its dependencies on the "
                + "class path, but " + className + " is not there; remove the exclusion of "
                + "org.apache.parquet:parquet-avro from your io.ferry dependency, or choose another format "
                + "(CSV, TSV or JSON Lines)");
    }
}
