package io.ferry.spark.testing;

import io.ferry.s3.testing.SharedS3Mock;
import org.apache.spark.sql.SparkSession;

/**
 * One local Spark session per test JVM, {@code local[2,4]} (two cores, a task may fail three times
 * before the job fails), UI off, bound to 127.0.0.1. S3Mock starts first: both it (Tomcat) and
 * Spark want the JVM-wide URL stream handler factory, so Spark's is switched off.
 */
public final class SparkTestSession {
    private static volatile SparkSession session;

    private SparkTestSession() {
    }

    /** {@return the shared session, started (after the shared S3Mock) on first call} */
    public static SparkSession get() {
        SparkSession s = session;
        if (s == null) {
            synchronized (SparkTestSession.class) {
                s = session;
                if (s == null) {
                    SharedS3Mock.get();
                    s = SparkSession.builder()
                            .master("local[2,4]")
                            .appName("ferry-sdk-spark-tests")
                            .config("spark.ui.enabled", "false")
                            .config("spark.driver.host", "127.0.0.1")
                            .config("spark.driver.bindAddress", "127.0.0.1")
                            .config("spark.sql.defaultUrlStreamHandlerFactory.enabled", "false")
                            .config("spark.sql.shuffle.partitions", "4")
                            .config("spark.sql.session.timeZone", "UTC")
                            .getOrCreate();
                    session = s;
                }
            }
        }
        return s;
    }
}
