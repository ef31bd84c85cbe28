/**
 * Spark DataSource V2 for Ferry: {@code format("ferry")} writes and reads S3 objects through
 * Ferry's two-phase export and planned import; {@code format("ferry-td")} writes Treasure Data
 * tables through a staged TD write.
 */
package io.ferry.spark;
